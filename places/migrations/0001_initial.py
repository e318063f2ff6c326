import django.db.models.deletion
from django.db import migrations, models

MOVED = ["county", "municipality", "deliveryarea"]


def move_content_types(source, target):
    """Permissions and admin history follow the models: their content types change app."""

    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in MOVED:
            if not ContentType.objects.filter(app_label=target, model=model).exists():
                ContentType.objects.filter(app_label=source, model=model).update(
                    app_label=target
                )

    return move


class Migration(migrations.Migration):
    """County, Municipality and DeliveryArea move here from `offices`. Their tables keep
    their names (Meta.db_table) and every row: only Django's idea of where the models live
    changes; offices 0011 points the foreign keys here and forgets the old models."""

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("offices", "0010_delivery_area_guessed"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='County',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=2, unique=True, verbose_name='länskod')),
                        ('name', models.CharField(max_length=100, verbose_name='namn')),
                    ],
                    options={
                        'verbose_name': 'län',
                        'verbose_name_plural': 'län',
                        'db_table': 'offices_county',
                        'ordering': ['code'],
                    },
                ),
                migrations.CreateModel(
                    name='DeliveryArea',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.SlugField(max_length=100, unique=True, verbose_name='kod')),
                        ('name', models.CharField(max_length=100, unique=True, verbose_name='namn')),
                        ('region', models.CharField(blank=True, choices=[('Nord', 'Nord'), ('Mitt', 'Mitt'), ('Väst', 'Väst'), ('Öst', 'Öst'), ('Syd', 'Syd'), ('Stockholm-Gotland', 'Stockholm-Gotland')], help_text='Tomt bara för områden från tiden före Arbetsförmedlingens egna listor.', max_length=20, verbose_name='Arbetsförmedlingens region')),
                    ],
                    options={
                        'verbose_name': 'leveransområde',
                        'verbose_name_plural': 'leveransområden',
                        'db_table': 'offices_deliveryarea',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='Municipality',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=4, unique=True, verbose_name='kommunkod')),
                        ('name', models.CharField(max_length=100, verbose_name='namn')),
                        ('latitude', models.FloatField(verbose_name='latitud (mittpunkt)')),
                        ('longitude', models.FloatField(verbose_name='longitud (mittpunkt)')),
                        ('county', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='municipalities', to='places.county', verbose_name='län')),
                        ('delivery_area', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='municipalities', to='places.deliveryarea', verbose_name='leveransområde')),
                    ],
                    options={
                        'verbose_name': 'kommun',
                        'verbose_name_plural': 'kommuner',
                        'db_table': 'offices_municipality',
                        'ordering': ['name'],
                        'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('latitude__gte', -90), ('latitude__lte', 90)), models.Q(('longitude__gte', -180), ('longitude__lte', 180))), name='municipality_centroid_on_earth')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            move_content_types("offices", "places"), move_content_types("places", "offices")
        ),
    ]
