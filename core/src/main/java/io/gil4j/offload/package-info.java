/**
 * What every offloading route shares: how a call that ran on a worker (a thread of an interpreter pool or a
 * worker process) reports its failure to the caller as if it had run inline.
 */
package io.gil4j.offload;
