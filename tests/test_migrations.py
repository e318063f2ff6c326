"""The squashed migrations (README, "Migrations"): a database migrated before the squash
needs nothing more, and a squashed migration carries no project code but the field
definitions Django names by their import path."""

import ast
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

ROOT = Path(__file__).resolve().parent.parent
SQUASHED = sorted(ROOT.glob("*/migrations/*_squashed_*.py"))
# Django writes a custom field or validator into a migration as its import path.
FIELD_DEFINITIONS = {"offices.fields", "suppliers.fields", "reviews.models"}


def test_every_app_with_history_has_squashed_migrations():
    apps = {path.parts[-3] for path in SQUASHED}
    assert apps == {"grades", "krom", "offices", "reviews", "suppliers"}


@pytest.mark.django_db
def test_a_database_migrated_before_the_squash_counts_the_squashed_ones_as_applied():
    loader = MigrationLoader(connection)
    squashed = set(loader.replacements)
    # Such a database has applied every migration file but the squashed ones.
    recorder = MigrationRecorder(connection)
    recorder.migration_qs.all().delete()
    recorder.migration_qs.bulk_create(
        recorder.Migration(app=app, name=name)
        for (app, name), migration in loader.disk_migrations.items()
        if not migration.replaces
    )

    executor = MigrationExecutor(connection)
    assert squashed <= set(executor.loader.applied_migrations)
    leaves = executor.loader.graph.leaf_nodes()
    assert executor.migration_plan(leaves) == []
    executor.migrate(leaves)
    assert squashed <= set(recorder.applied_migrations())


@pytest.mark.parametrize("path", SQUASHED, ids=lambda path: path.stem)
def test_a_squashed_migration_imports_no_project_code_but_field_definitions(path):
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module)
    third_party = {"django", "simple_history", "unicodedata"}
    assert {name for name in imported if name.split(".")[0] not in third_party} <= (
        FIELD_DEFINITIONS
    )
