#ifndef C_MICRO_HTTPD_H
#define C_MICRO_HTTPD_H

#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <microhttpd.h>

#endif
