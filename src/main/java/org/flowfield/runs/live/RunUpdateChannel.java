package org.flowfield.runs.live;

/**
 * Carries run updates between the servers that share one database, so that a watcher sees a run
 * whichever server trains it. Only {@link RunUpdate.Progress}, {@link RunUpdate.Epoch},
 * {@link RunUpdate.StatusChanged} and {@link RunUpdate.AccessChanged} travel; a server never
 * receives its own.
 */
public interface RunUpdateChannel {

    /** Sends an update published in this server to the other servers. */
    void send(RunUpdate update);

    /** Starts handing the other servers' updates to the receiver. */
    void open(Receiver receiver);

    /** What this server does with what arrives. */
    interface Receiver {

        /** An update another server published. */
        void received(RunUpdate update);

        /** Updates may have been lost (the connection to the database broke and came back). */
        void missedSome();
    }
}
