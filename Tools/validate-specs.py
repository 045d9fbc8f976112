#!/usr/bin/env python3
"""Validates spec files against the JSON Schemas in Schemas/, with an independent validator (jsonschema).

    python3 Tools/validate-specs.py [--verdicts] FILE_OR_FOLDER...

Files in a `common/` folder are definitions files; every other .yaml/.yml file is an endpoint spec. Prints one line
per invalid file and exits 1 if any is invalid; with --verdicts, prints {"path": true|false, ...} as JSON instead.

YAML is read the way konaplate-gen reads it (YAML 1.2 core schema, through libyaml there): only plain true/false are
booleans, plain decimal integers are integers, ~/null/empty are null, and every other scalar and every key is text.
PyYAML's default YAML 1.1 rules would turn `Y`, `yes`, `on` into booleans and `000_000` into 0.
"""
import json
import pathlib
import re
import sys

import jsonschema
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMAS = {
    "endpoint": json.loads((ROOT / "Schemas/konaplate-endpoint.schema.json").read_text()),
    "definitions": json.loads((ROOT / "Schemas/konaplate-definitions.schema.json").read_text()),
}


class CoreLoader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core schema's plain-scalar rules instead of YAML 1.1's."""


CoreLoader.yaml_implicit_resolvers = {}
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


def construct_mapping(loader, node):
    # Keys are always text, as konaplate-gen reads them.
    loader.flatten_mapping(node)
    return {str(loader.construct_scalar(k)) if isinstance(k, yaml.ScalarNode) else loader.construct_object(k):
            loader.construct_object(v, deep=True) for k, v in node.value}


CoreLoader.add_constructor("tag:yaml.org,2002:map", construct_mapping)


def kind(path):
    return "definitions" if "common" in pathlib.Path(path).parts[:-1] else "endpoint"


def errors(path):
    try:
        document = yaml.load(pathlib.Path(path).read_text(encoding="utf-8"), Loader=CoreLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return [f"not valid YAML: {error}".splitlines()[0]]
    validator = jsonschema.Draft202012Validator(SCHEMAS[kind(path)])
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def files(arguments):
    for argument in arguments:
        path = pathlib.Path(argument)
        if path.is_dir():
            yield from sorted(str(p) for p in path.rglob("*") if p.suffix in (".yaml", ".yml"))
        else:
            yield str(path)


def main():
    arguments = sys.argv[1:]
    verdicts = "--verdicts" in arguments
    paths = list(files(a for a in arguments if a != "--verdicts"))
    results = {path: errors(path) for path in paths}
    if verdicts:
        print(json.dumps({path: not found for path, found in results.items()}, indent=1, sort_keys=True))
        return 0
    invalid = {path: found for path, found in results.items() if found}
    for path, found in invalid.items():
        for message in found[:5]:
            print(f"{path}: {message}")
    print(f"validate-specs: {len(paths) - len(invalid)} valid, {len(invalid)} invalid ({len(paths)} files)")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
