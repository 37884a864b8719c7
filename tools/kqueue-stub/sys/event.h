/* Declarations of the kqueue interface as macOS and FreeBSD document it
 * (kqueue(2)), for tools/kqueue-check.sh only: they let the macOS dispatcher
 * compile on Linux, which has no <sys/event.h>. Never linked, never run. */
#pragma once

#include <stdint.h>
#include <time.h>

struct kevent
{
    uintptr_t ident;
    int16_t filter;
    uint16_t flags;
    uint32_t fflags;
    intptr_t data;
    void *udata;
};

#define EVFILT_READ (-1)
#define EVFILT_WRITE (-2)

#define EV_ADD 0x0001
#define EV_DELETE 0x0002
#define EV_ENABLE 0x0004
#define EV_DISABLE 0x0008
#define EV_ERROR 0x4000
#define EV_EOF 0x8000

#define EV_SET(kevp, a, b, c, d, e, f)                                                                       \
    do {                                                                                                     \
        struct kevent *__kevp__ = (kevp);                                                                    \
        __kevp__->ident = (a);                                                                               \
        __kevp__->filter = (b);                                                                              \
        __kevp__->flags = (c);                                                                               \
        __kevp__->fflags = (d);                                                                              \
        __kevp__->data = (e);                                                                                \
        __kevp__->udata = (f);                                                                               \
    } while (0)

#ifdef __cplusplus
extern "C" {
#endif
int kqueue(void);
int kevent(int kq, const struct kevent *changelist, int nchanges, struct kevent *eventlist, int nevents,
    const struct timespec *timeout);
#ifdef __cplusplus
}
#endif
