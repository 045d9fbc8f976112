#!/usr/bin/env python3
"""An independent JOSE implementation (joserfc, from PyPI) on the other side of KonaplateRuntime's JWE tests.

    python3 Tools/jwe-interop.py seal PUBLIC_KEY.pem ALG ENC   < plaintext   > compact JWE
    python3 Tools/jwe-interop.py open PRIVATE_KEY.pem          < compact JWE > plaintext

Exit status 10 (with "refused: <reason>" on stderr) when opening fails: a test counts a refusal only when the tool ran
and said no, never when it could not start (a missing package exits 1 with a traceback).
"""
import sys

from joserfc import jwe
from joserfc.jwk import RSAKey

REFUSED = 10

ALGORITHMS = ["RSA-OAEP", "RSA-OAEP-256", "A128GCM", "A256GCM"]


def main():
    command, key_path = sys.argv[1], sys.argv[2]
    key = RSAKey.import_key(open(key_path, "rb").read())
    data = sys.stdin.buffer.read()
    if command == "seal":
        protected = {"alg": sys.argv[3], "enc": sys.argv[4]}
        sys.stdout.write(jwe.encrypt_compact(protected, data, key, algorithms=ALGORITHMS))
    elif command == "open":
        try:
            result = jwe.decrypt_compact(data.decode("ascii"), key, algorithms=ALGORITHMS)
        except Exception as error:  # any failure to open is a refusal: report it, print no plaintext
            print(f"refused: {type(error).__name__}: {error}", file=sys.stderr)
            return REFUSED
        sys.stdout.buffer.write(result.plaintext)
    else:
        print(f"unknown command {command}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
