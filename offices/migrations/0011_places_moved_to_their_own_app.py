import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The places moved to the `places` app (see places 0001): the foreign keys point there
    and the old models are forgotten. Nothing changes in the database.

    It comes after suppliers 0007, which deleted a model pointing at offices.DeliveryArea:
    unapplying that migration needs the old model back in the state."""

    dependencies = [
        ("offices", "0010_delivery_area_guessed"),
        ("places", "0001_initial"),
        ("suppliers", "0007_contracts_name_variants_example_data"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='municipality',
                    name='county',
                ),
                migrations.RemoveField(
                    model_name='municipality',
                    name='delivery_area',
                ),
                migrations.AlterField(
                    model_name='contract',
                    name='delivery_area',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='contracts', to='places.deliveryarea', verbose_name='leveransområde'),
                ),
                migrations.AlterField(
                    model_name='office',
                    name='municipality',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='offices', to='places.municipality', verbose_name='kommun'),
                ),
                migrations.DeleteModel(
                    name='County',
                ),
                migrations.DeleteModel(
                    name='DeliveryArea',
                ),
                migrations.DeleteModel(
                    name='Municipality',
                ),
            ],
            database_operations=[],
        ),
    ]
