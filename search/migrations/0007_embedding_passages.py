from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_nextstep_follow_ups"),
    ]

    operations = [
        migrations.AddField(
            model_name="documentembedding",
            name="passage",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.RemoveConstraint(
            model_name="documentembedding",
            name="unique_embedding_per_object",
        ),
        migrations.AddConstraint(
            model_name="documentembedding",
            constraint=models.UniqueConstraint(
                fields=("kind", "identifier", "language_code", "passage"), name="unique_embedding_per_passage"
            ),
        ),
    ]
