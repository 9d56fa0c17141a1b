#ifndef C_MICRO_HTTPD_H
#define C_MICRO_HTTPD_H

#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <microhttpd.h>

// Swift cannot call C variadic functions, and libmicrohttpd's start, info and per-connection option entry
// points are all variadic. These shims give the few calls HTTPServer needs fixed signatures.

/// Starts a daemon. `options` is an array terminated by `{MHD_OPTION_END, 0, NULL}`, passed on through
/// MHD_OPTION_ARRAY; the completion callback is passed separately because it takes two pointer arguments.
struct MHD_Daemon *cmicrohttpd_start_daemon(unsigned int flags,
                                            MHD_AccessHandlerCallback handler, void *handler_cls,
                                            MHD_RequestCompletedCallback completed, void *completed_cls,
                                            const struct MHD_OptionItem *options);

/// The port the daemon's listen socket is bound to, or 0 if unknown.
uint16_t cmicrohttpd_daemon_port(struct MHD_Daemon *daemon);

/// The connection's socket, or -1 if unknown.
int cmicrohttpd_connection_fd(struct MHD_Connection *connection);

/// The peer's address, or NULL if unknown.
const struct sockaddr *cmicrohttpd_client_address(struct MHD_Connection *connection);

/// The connection's idle timeout in seconds; 0 when disabled.
unsigned int cmicrohttpd_connection_timeout(struct MHD_Connection *connection);

/// Sets the connection's idle timeout in seconds; 0 disables it.
enum MHD_Result cmicrohttpd_set_connection_timeout(struct MHD_Connection *connection, unsigned int seconds);

/// Whether libmicrohttpd was built with TLS support (GnuTLS). A shim because Swift imports MHD_FEATURE_TLS and
/// its deprecated alias MHD_FEATURE_SSL, which share a value, under a name that is hard to rely on.
int cmicrohttpd_supports_tls(void);

#endif
