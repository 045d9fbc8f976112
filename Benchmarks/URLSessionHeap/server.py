"""A small HTTP/1.1 server for urlsession-heap.sh: answers every POST with the same short JSON."""
import http.server, socketserver, sys
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0)); self.rfile.read(n)
        body = b'{"serviceInfos":[{"serviceId":"SVC000000000001","serviceName":"x"}]}'
        self.send_response(200); self.send_header("Content-Type","application/json"); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
class S(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True; request_queue_size = 2048
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
