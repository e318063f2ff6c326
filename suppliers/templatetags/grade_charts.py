"""Arbetsförmedlingen's grade history drawn as a small bar chart, server-side.

The geometry is computed here; components/grade_history.html draws it as inline SVG (no
script, no style attribute) with each figure printed on its bar and "–" where AF wrote
"Betyg saknas", so the chart reads without colour."""

from django import template

register = template.Library()

MAX_GRADE = 4
UNIT = 18  # height of one grade step
STEP = 48  # from one bar to the next
BAR_WIDTH = 30
AXIS_WIDTH = 22  # room for the figures 1–4 on the left
TOP = 22  # room for the figure above the highest bar
LABELS = 38  # room for month and year under the bars


@register.filter
def grade_chart(grades):
    """{"width", "height", "baseline", "gridlines": [{"value", "y"}], "bars": [{"month",
    "stars", "x", "y", "height", "label_x", "label_y"}]} for grades oldest month first."""
    baseline = TOP + MAX_GRADE * UNIT
    bars = []
    for index, grade in enumerate(grades):
        x = AXIS_WIDTH + index * STEP + (STEP - BAR_WIDTH) // 2
        height = (grade.stars or 0) * UNIT
        bars.append(
            {
                "month": grade.month,
                "stars": grade.stars,
                "x": x,
                "y": baseline - height,
                "height": height,
                "label_x": x + BAR_WIDTH // 2,
                "label_y": baseline - height - 6,
            }
        )
    return {
        "width": AXIS_WIDTH + max(len(bars), 1) * STEP,
        "height": baseline + LABELS,
        "baseline": baseline,
        "bar_width": BAR_WIDTH,
        "month_y": baseline + 16,
        "year_y": baseline + 32,
        "gridlines": [
            {"value": value, "y": baseline - value * UNIT} for value in range(1, MAX_GRADE + 1)
        ],
        "bars": bars,
    }
