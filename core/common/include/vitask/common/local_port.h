#pragma once
// A TCP port on the loopback interface that nobody listens on now, for a server we are
// about to start (the rendezvous of `vitask train --nproc`, test archives). Another
// process may take it in between: callers report a failed listen as such.

namespace vitask {

// 0 when the system gives none.
int freeLocalPort();

}  // namespace vitask
