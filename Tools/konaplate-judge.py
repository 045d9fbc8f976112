#!/usr/bin/env python3
"""An independent Konaplate server (Python's http.server and joserfc) on the other side of real loopback HTTP, judging
the requests the Swift client sends and answering them with canned responses.

    Tools/python Tools/konaplate-judge.py --secret-key TEXT --server-private-key PEM --client-public-key PEM \\
        --responses RESPONSES.json --log LOG.jsonl [--port 0]

It binds 127.0.0.1 on --port (0: any free port), prints one line `listening on <port>` and serves until its standard
input reaches EOF (then it exits 0) or it is killed.

Every POST is checked:
  - X-KM-Tran-Token is "KMV1:" + yyyyMMddHHmmssSSS + ":" + standard padded Base64 of HMAC-SHA256(key: the secret
    key's UTF-8 bytes, message: the body bytes exactly as received);
  - the body is JSON (UTF-8, no duplicate keys); a body that is an object whose only key is "encData" (a string) is a
    compact JWE, opened with the server private key (RSA-OAEP, RSA-OAEP-256 / A128GCM, A256GCM), and its plaintext
    must be JSON too.
A request failing a check is answered 401 {"code": "JUDGE_REFUSED", "message": <reason>}. Otherwise the answer is the
canned response of its path, RESPONSES being {path: {"body": JSON, "encrypt": bool, "status": 200}}: the body as
compact UTF-8 JSON, sealed as {"encData": JWE (RSA-OAEP-256, A128GCM) to the client public key} when "encrypt" is
true; an unknown path is answered 404 {"code": "JUDGE_UNKNOWN_PATH", ...}, any other method 405. The response echoes
X-KM-Correlation-Id.

Every request appends one line to LOG: {"method", "path", "headers" (names as received), "tokenValid", "tokenReason",
"encrypted", "opened", "plaintext", "refused"}.

Exit status: 0 when standard input reached EOF; 1 when it cannot start (a key, RESPONSES or LOG unreadable, the port
taken); 2 for a wrong command line.
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import http.server
import json
import re
import sys
import threading

from joserfc import jwe
from joserfc.jwk import RSAKey

ALGORITHMS = ["RSA-OAEP", "RSA-OAEP-256", "A128GCM", "A256GCM"]
RESPONSE_PROTECTED = {"alg": "RSA-OAEP-256", "enc": "A128GCM"}
TOKEN = re.compile(r"KMV1:([0-9]{17}):([A-Za-z0-9+/]{43}=)")
TOKEN_HEADER = "X-KM-Tran-Token"
CORRELATION_HEADER = "X-KM-Correlation-Id"


class Refusal(Exception):
    """A request the judge says no to; its message is the reason given in the 401 and the log."""


# Reading the command line and the files it names


def arguments(argv):
    parser = argparse.ArgumentParser(description="Judges the Swift client's requests over loopback HTTP.")
    parser.add_argument("--secret-key", required=True, help="the HMAC key of X-KM-Tran-Token (its UTF-8 bytes)")
    parser.add_argument("--server-private-key", required=True, help="PEM file: opens the requests' JWE")
    parser.add_argument("--client-public-key", required=True, help="PEM file: seals the encrypted responses")
    parser.add_argument("--responses", required=True, help="JSON file: {path: {body, encrypt, status}}")
    parser.add_argument("--log", required=True, help="JSONL file to append one line per request to")
    parser.add_argument("--port", type=int, default=0, help="the port to bind on 127.0.0.1 (0: any free port)")
    return parser.parse_args(argv)


def read_key(path, private):
    with open(path, "rb") as file:
        key = RSAKey.import_key(file.read())
    if private and not key.is_private:
        raise ValueError(f"{path} holds no private key")
    return key


def read_responses(path):
    with open(path, "rb") as file:
        responses = json.loads(file.read().decode("utf-8"))
    if not isinstance(responses, dict):
        raise ValueError(f"{path} is not a JSON object of path: response")
    for request_path, response in responses.items():
        if not isinstance(response, dict) or "body" not in response:
            raise ValueError(f"{path}: the response of {request_path} is not an object with a body")
        if not isinstance(response.get("encrypt", False), bool):
            raise ValueError(f"{path}: the encrypt of {request_path} is not true or false")
        status = response.get("status", 200)
        if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
            raise ValueError(f"{path}: the status of {request_path} is not an HTTP status")
    return responses


# The checks


def check_token(headers, body, secret_key):
    """The reason X-KM-Tran-Token is wrong for this body, or None when it is right."""
    values = headers.get_all(TOKEN_HEADER) or []
    if not values:
        return f"{TOKEN_HEADER} is missing"
    if len(values) > 1:
        return f"{TOKEN_HEADER} appears {len(values)} times"
    match = TOKEN.fullmatch(values[0])
    if match is None:
        return f"{TOKEN_HEADER} is malformed"
    if not is_timestamp(match.group(1)):
        return f"{TOKEN_HEADER} is malformed: {match.group(1)} is not a time yyyyMMddHHmmssSSS"
    mac = hmac.new(secret_key.encode("utf-8"), body, hashlib.sha256).digest()
    if not hmac.compare_digest(match.group(2).encode("ascii"), base64.b64encode(mac)):
        return f"{TOKEN_HEADER} does not match the body"
    return None


def is_timestamp(digits):
    try:
        datetime.datetime(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]), int(digits[8:10]),
                          int(digits[10:12]), int(digits[12:14]), int(digits[14:17]) * 1000)
    except ValueError:
        return False
    return True


def refuse_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def refuse_constant(name):
    raise ValueError(f"{name} is not JSON")


def parse_json(data, what):
    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=refuse_duplicates, parse_constant=refuse_constant)
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise Refusal(f"{what} is not JSON: {error}") from None


def sealed_part(document):
    """The compact JWE of a body {"encData": "..."}, or None for any other body."""
    if isinstance(document, dict) and list(document) == ["encData"] and isinstance(document["encData"], str):
        return document["encData"]
    return None


def open_jwe(compact, key):
    try:
        return jwe.decrypt_compact(compact, key, algorithms=ALGORITHMS).plaintext
    except Exception as error:  # any failure to open is a refusal, whatever joserfc raises
        raise Refusal(f"the JWE does not open: {type(error).__name__}: {error}") from None


def judge_body(body, server_key):
    """(encrypted, opened, plaintext, refusal) of a POST body."""
    try:
        document = parse_json(body, "the body")
    except Refusal as refusal:
        return False, None, None, str(refusal)
    compact = sealed_part(document)
    if compact is None:
        return False, None, document, None
    try:
        plaintext = open_jwe(compact, server_key)
    except Refusal as refusal:
        return True, False, None, str(refusal)
    try:
        return True, True, parse_json(plaintext, "the opened JWE"), None
    except Refusal as refusal:
        return True, True, None, str(refusal)


# Answers


def compact_json(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def canned_body(response, client_key):
    body = compact_json(response["body"])
    if response.get("encrypt", False):
        sealed = jwe.encrypt_compact(RESPONSE_PROTECTED, body, client_key, algorithms=ALGORITHMS)
        body = compact_json({"encData": sealed})
    return body


def problem(code, message):
    return compact_json({"code": code, "message": message})


def received_headers(headers):
    """Every header with its name as received; a repeated header's values joined with ", "."""
    result = {}
    for name, value in headers.items():
        result[name] = f"{result[name]}, {value}" if name in result else value
    return result


class Log:
    def __init__(self, path):
        self.file = open(path, "a", encoding="utf-8")
        self.lock = threading.Lock()

    def write(self, entry):
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self.lock:
            self.file.write(line)
            self.file.flush()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    judge = None  # the Judge, set by serve()

    def do_POST(self):
        body = self.read_body()
        if body is None:
            return
        judge = self.judge
        token_reason = check_token(self.headers, body, judge.secret_key)
        encrypted, opened, plaintext, body_reason = judge_body(body, judge.server_key)
        refused = token_reason or body_reason
        self.log_request_line(token_reason is None, token_reason, encrypted, opened, plaintext, refused)
        if refused is not None:
            self.answer(401, problem("JUDGE_REFUSED", refused))
            return
        response = judge.responses.get(self.path)
        if response is None:
            self.answer(404, problem("JUDGE_UNKNOWN_PATH", f"no canned response for {self.path}"))
            return
        self.answer(response.get("status", 200), canned_body(response, judge.client_key))

    def refuse_method(self):
        body = self.read_body()
        if body is None:
            return
        reason = f"method {self.command} is not allowed: the judge takes POST only"
        self.log_request_line(False, "not checked: not a POST", False, None, None, reason)
        self.answer(405, problem("JUDGE_METHOD_NOT_ALLOWED", reason), {"Allow": "POST"})

    def __getattr__(self, name):
        # http.server looks up do_<METHOD>: every method but POST is answered 405 (not 501).
        if name.startswith("do_"):
            return self.refuse_method
        raise AttributeError(name)

    def read_body(self):
        """The request body (by Content-Length, or chunked), or None after answering 400/411 and closing."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            try:
                return self.read_chunked()
            except ValueError as error:
                return self.bad_framing(400, f"the chunked body is malformed: {error}")
        length = self.headers.get("Content-Length")
        if length is None:
            return b"" if self.command != "POST" else self.bad_framing(411, "Content-Length is missing")
        if not length.isdigit():
            return self.bad_framing(400, f"Content-Length {length!r} is not a length")
        body = self.rfile.read(int(length))
        if len(body) != int(length):
            return self.bad_framing(400, f"the body ended after {len(body)} of {length} bytes")
        return body

    def read_chunked(self):
        body = bytearray()
        while True:
            size = int(self.rfile.readline(1024).split(b";")[0].strip(), 16)
            if size == 0:
                while self.rfile.readline(1024).strip():  # trailers, up to the blank line
                    pass
                return bytes(body)
            chunk = self.rfile.read(size)
            if len(chunk) != size or self.rfile.readline(3).strip():
                raise ValueError("a chunk is shorter than its size")
            body += chunk

    def bad_framing(self, status, reason):
        self.log_request_line(False, "not checked: the body could not be read", False, None, None, reason)
        self.close_connection = True
        self.answer(status, problem("JUDGE_BAD_REQUEST", reason), {"Connection": "close"})
        return None

    def log_request_line(self, token_valid, token_reason, encrypted, opened, plaintext, refused):
        self.judge.log.write({
            "method": self.command, "path": self.path, "headers": received_headers(self.headers),
            "tokenValid": token_valid, "tokenReason": token_reason, "encrypted": encrypted, "opened": opened,
            "plaintext": plaintext, "refused": refused,
        })

    def answer(self, status, body, extra_headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        correlation = self.headers.get(CORRELATION_HEADER)
        if correlation is not None:
            self.send_header(CORRELATION_HEADER, correlation)
        for name, value in (extra_headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.wfile.flush()

    def log_message(self, format, *args):
        pass  # quiet: no line per request

    def log_error(self, format, *args):
        sys.stderr.write("konaplate-judge: " + (format % args) + "\n")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a client hanging up is not an error
            super().handle_error(request, client_address)


class Judge:
    def __init__(self, options):
        self.secret_key = options.secret_key
        self.server_key = read_key(options.server_private_key, private=True)
        self.client_key = read_key(options.client_public_key, private=False)
        self.responses = read_responses(options.responses)
        self.log = Log(options.log)


def stop_at_eof(server):
    """Reads standard input to its end, then stops the server."""
    while sys.stdin.buffer.read(65536):
        pass
    server.shutdown()


def main(argv):
    options = arguments(argv)
    try:
        Handler.judge = Judge(options)
        server = Server(("127.0.0.1", options.port), Handler)
    except Exception as error:  # an unreadable file, a bad key, a taken port: cannot start
        print(f"konaplate-judge: cannot start: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(f"listening on {server.server_address[1]}", flush=True)
    threading.Thread(target=stop_at_eof, args=(server,), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
