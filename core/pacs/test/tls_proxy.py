#!/usr/bin/python3
"""A TLS-terminating proxy, as hospitals put one (nginx, stunnel) in front of a DICOMweb
archive: accepts TLS on LISTEN_PORT with CERT and KEY (PEM) and forwards the decrypted
bytes to 127.0.0.1:TARGET_PORT. Debian's Orthanc 1.10 resets HTTPS connections under
OpenSSL 3, so the PACS tests reach its DICOMweb over HTTPS through this.

  tls_proxy.py LISTEN_PORT TARGET_PORT CERT KEY     (prints "ready" once listening)"""
import socket
import ssl
import sys
import threading


def pump(source, target):
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    finally:
        for s in (source, target):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def serve(client, target_port, context):
    try:
        secure = context.wrap_socket(client, server_side=True)
    except (ssl.SSLError, OSError):
        client.close()
        return
    upstream = socket.create_connection(("127.0.0.1", target_port))
    threading.Thread(target=pump, args=(upstream, secure), daemon=True).start()
    pump(secure, upstream)


def main():
    listen_port, target_port, cert, key = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = socket.create_server(("127.0.0.1", listen_port))
    print("ready", flush=True)
    while True:
        client, _ = server.accept()
        threading.Thread(target=serve, args=(client, target_port, context), daemon=True).start()


if __name__ == "__main__":
    main()
