#!/usr/bin/env python3
"""Judges JSON documents against the body schemas of `konaplate-gen openapi`, with an independent JSON Schema
validator (Python jsonschema, Draft 2020-12: OpenAPI 3.1's dialect).

    Tools/python Tools/openapi-judge.py OPENAPI.json < CASES.json > VERDICTS.json

CASES is a JSON list of {"schema": "BankAccountsInfo.Request", "document": {...}}; VERDICTS the list of booleans
(valid or not), in the same order. The OpenAPI document is read with a parser that refuses duplicate keys (exit 3,
naming the key): a JSON object with two "pattern" members is not a schema any tool reads the same way.

The export's extensions for what JSON Schema cannot say of a number are checked here as what they stand for: the
whole-number bounds most OpenAPI tools cannot hold exactly (beyond Int64: `x-konaplate-minimum`,
`x-konaplate-maximum`, as text), and the digits of a date sent as a number (`x-konaplate-pattern`). Every other
constraint is plain JSON Schema.
"""
import json
import re
import sys

import jsonschema


class DuplicateKey(Exception):
    pass


def refuse_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(key)
        seen[key] = value
    return seen


def bound(compare, name):
    def check(validator, text, instance, schema):
        if isinstance(instance, int) and not isinstance(instance, bool) and not compare(instance, int(text)):
            yield jsonschema.ValidationError(f"{instance} breaks {name} {text}")
    return check


def digits_pattern(validator, pattern, instance, schema):
    if isinstance(instance, int) and not isinstance(instance, bool) and not re.search(pattern, str(instance)):
        yield jsonschema.ValidationError(f"{instance} does not match {pattern}")


Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator,
    {
        "x-konaplate-minimum": bound(lambda value, limit: value >= limit, "minimum"),
        "x-konaplate-maximum": bound(lambda value, limit: value <= limit, "maximum"),
        "x-konaplate-pattern": digits_pattern,
    },
)


def main():
    try:
        with open(sys.argv[1], encoding="utf-8") as file:
            document = json.load(file, object_pairs_hook=refuse_duplicates)
    except DuplicateKey as error:
        print(f"duplicate key {error.args[0]!r} in {sys.argv[1]}", file=sys.stderr)
        return 3
    schemas = document["components"]["schemas"]
    verdicts = []
    for case in json.load(sys.stdin):
        schema = schemas[case["schema"]]
        Validator.check_schema(schema)
        verdicts.append(Validator(schema).is_valid(case["document"]))
    json.dump(verdicts, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
