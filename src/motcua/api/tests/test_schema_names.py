"""Ninja names an OpenAPI component after its schema class alone: two apps' schemas of the same
name but different content would silently replace one another in the published schema."""

from collections import defaultdict

from ninja import Schema

import motcua.api.api  # noqa: F401  (imports every app's router, hence all their schemas)


def _subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


def test_schemas_that_share_a_name_are_the_same_schema():
    by_name = defaultdict(list)
    for schema in _subclasses(Schema):
        if schema.__module__.startswith("motcua.") and ".tests" not in schema.__module__:
            by_name[schema.__name__].append(schema)
    clashes = {
        name: [schema.__module__ for schema in schemas]
        for name, schemas in by_name.items()
        if len({str(schema.model_json_schema()) for schema in schemas}) > 1
    }
    assert clashes == {}
