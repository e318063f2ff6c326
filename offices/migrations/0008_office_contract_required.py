import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("offices", "0007_offices_belong_to_contracts")]

    operations = [
        migrations.AlterField(
            model_name="office",
            name="contract",
            field=models.ForeignKey(help_text="Kontoret har avtalets KA-nummer.", on_delete=django.db.models.deletion.PROTECT, related_name="offices", to="offices.contract", verbose_name="avtal"),
        ),
    ]
