package org.flowfield.training;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.flowfield.engine.TorchRuntime;
import org.flowfield.flows.FlowModel;
import org.flowfield.flows.ModelPack;
import org.flowfield.flows.StepLoss;
import org.flowfield.flows.TrainingBatch;

/**
 * Trains runs whose models share one shape together, as the members of one {@link ModelPack}
 * stepped on a thread of its own: every step advances every member. A run joins at a step
 * boundary and leaves when its steps are done, when it is cancelled or when it fails, without
 * pausing the others; a pack of one is fine. Each member keeps its own {@link RunLoop} (data,
 * order, schedule, listener, checkpoints, cancellation); a member whose loss is not finite, or
 * whose listener throws, leaves with that failure alone. The figures of a finished run are
 * computed once it has left, by {@link FigureEvaluators} while the run's thread waits, so an
 * evaluation never holds the pack up.
 */
public final class PackTrainer implements AutoCloseable {

    private static final long IDLE_POLL_MILLIS = 200;

    private final ModelPack pack;
    private final int batchSize;
    private final UUID id = UUID.randomUUID();
    private final LinkedBlockingQueue<Member> joining = new LinkedBlockingQueue<>();
    private final List<Member> members = new ArrayList<>();
    private final Thread thread;
    private final java.util.concurrent.atomic.AtomicInteger occupancy = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    /** What a member learns of the pack it trains in. */
    public interface Membership {
        /** The pack's members changed: it now has this many (this run included); (null, 0) once this run has left it. */
        void packChanged(UUID packId, int members);
    }

    private static final class Member {
        final RunLoop loop;
        final FlowModel model;
        final Membership membership;
        final CompletableFuture<Boolean> left = new CompletableFuture<>();

        Member(RunLoop loop, FlowModel model, Membership membership) {
            this.loop = loop;
            this.model = model;
            this.membership = membership;
        }
    }

    /**
     * @param pack an empty pack, owned by this trainer from now on
     * @param batchSize the batch size of every member
     */
    public PackTrainer(ModelPack pack, int batchSize, String name) {
        this.pack = pack;
        this.batchSize = batchSize;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public UUID id() {
        return id;
    }

    /** Members training now and runs about to join. */
    public int size() {
        return occupancy.get();
    }

    /** Whether the run can join: the pack runs, and the run's model has the pack's shape and batch size. */
    public boolean fits(RunLoop loop, FlowModel model) {
        return !stopped() && loop.config().batchSize() == batchSize && pack.fits(model);
    }

    /** A run that joined the pack; {@link #await} waits until it has left. */
    public final class Ticket {
        private final Member member;

        private Ticket(Member member) {
            this.member = member;
        }

        /**
         * Waits until the run has left the pack: with its figures (computed by
         * {@link FigureEvaluators}) when its steps are done, or cancelled.
         *
         * @throws TrainingFailedException or whatever the run's listener threw, when the run failed
         */
        public TrainingResult await(int evaluationThreads) {
            boolean finished;
            try {
                finished = member.left.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training in a pack", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            }
            return finished
                    ? FigureEvaluators.evaluate(() -> member.loop.finish(member.model, evaluationThreads))
                    : member.loop.cancelled();
        }
    }

    /**
     * Adds the run at the next step boundary, from where its loop and model are.
     *
     * @param model the run's model as the run starts or resumes; the caller keeps and closes it
     */
    public Ticket join(RunLoop loop, FlowModel model, Membership membership) {
        Member member = new Member(loop, model, membership);
        occupancy.incrementAndGet();
        member.left.whenComplete((outcome, failure) -> occupancy.decrementAndGet());
        joining.add(member);
        return new Ticket(member);
    }

    /** Whether the pack's thread has stopped (closed, or failed). */
    public boolean stopped() {
        return closed || !thread.isAlive();
    }

    private void loop() {
        TorchRuntime.get().useIntraOpThreads(1);
        try {
            while (!closed) {
                if (!admit()) {
                    continue;
                }
                step();
            }
        } catch (RuntimeException | Error e) {
            members.forEach(member -> member.left.completeExceptionally(e));
            joining.forEach(member -> member.left.completeExceptionally(e));
            closed = true;
            throw e;
        } finally {
            IllegalStateException stopped = new IllegalStateException("the pack stopped before the run left it");
            members.forEach(member -> member.left.completeExceptionally(stopped));
            joining.forEach(member -> member.left.completeExceptionally(stopped));
            pack.close();
        }
    }

    /** Lets waiting runs join; false when there is nobody to step. */
    private boolean admit() {
        List<Member> arrivals = new ArrayList<>();
        joining.drainTo(arrivals);
        if (arrivals.isEmpty() && members.isEmpty()) {
            try {
                Member first = joining.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    return false;
                }
                arrivals.add(first);
                joining.drainTo(arrivals);
            } catch (InterruptedException e) {
                closed = true;
                return false;
            }
        }
        for (Member arrival : arrivals) {
            try {
                arrival.loop.start();
                if (!arrival.loop.training()) {
                    // resumed after its last step: only its figures are left, on its own thread
                    arrival.left.complete(Boolean.TRUE);
                    continue;
                }
                pack.join(arrival.model);
                members.add(arrival);
            } catch (RuntimeException e) {
                arrival.left.completeExceptionally(e);
            }
        }
        if (!arrivals.isEmpty()) {
            membersChanged();
        }
        return !members.isEmpty();
    }

    private void step() {
        List<Integer> leaving = new ArrayList<>();
        List<Object> outcomes = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            try {
                if (members.get(i).loop.stopIfCancelled(view(i))) {
                    leaving.add(i);
                    outcomes.add(Boolean.FALSE);
                }
            } catch (RuntimeException e) {
                leaving.add(i);
                outcomes.add(e);
            }
        }
        if (leave(leaving, outcomes)) {
            return;
        }
        int k = members.size();
        TrainingBatch[] batches = new TrainingBatch[k];
        double[] rates = new double[k];
        for (int i = 0; i < k; i++) {
            batches[i] = members.get(i).loop.nextBatch();
            rates[i] = members.get(i).loop.learningRate();
        }
        long started = System.nanoTime();
        StepLoss[] losses = pack.trainStep(batches, rates);
        long nanos = System.nanoTime() - started;
        for (int i = 0; i < k; i++) {
            RunLoop loop = members.get(i).loop;
            try {
                loop.stepped(losses[i], nanos, view(i));
                if (!loop.training()) {
                    leaving.add(i);
                    outcomes.add(Boolean.TRUE);
                }
            } catch (RuntimeException e) {
                leaving.add(i);
                outcomes.add(e);
            }
        }
        leave(leaving, outcomes);
    }

    /** Removes the members at the (ascending) slots, each with its outcome; true when anyone left. */
    private boolean leave(List<Integer> slots, List<Object> outcomes) {
        for (int j = slots.size() - 1; j >= 0; j--) {
            int slot = slots.get(j);
            Member member = members.get(slot);
            Object outcome = outcomes.get(j);
            try {
                if (outcome instanceof Boolean) {
                    member.model.restore(pack.state(slot));
                }
            } catch (RuntimeException e) {
                outcome = e;
            }
            pack.leave(slot);
            members.remove(slot);
            try {
                member.membership.packChanged(null, 0);
            } catch (RuntimeException e) {
                // it left already; its outcome says what went wrong
            }
            if (outcome instanceof Boolean finished) {
                member.left.complete(finished);
            } else {
                member.left.completeExceptionally((RuntimeException) outcome);
            }
        }
        if (!slots.isEmpty()) {
            membersChanged();
        }
        return !slots.isEmpty();
    }

    private void membersChanged() {
        for (Member member : members) {
            try {
                member.membership.packChanged(id, members.size());
            } catch (RuntimeException e) {
                // a member whose listener fails notices at its next report
            }
        }
    }

    /** The member's model as it is now, copied out of the pack. */
    private Supplier<FlowModel> view(int slot) {
        return () -> {
            Member member = members.get(slot);
            member.model.restore(pack.state(slot));
            return member.model;
        };
    }

    /** Stops stepping (members still in the pack are left waiting; stop them by cancelling first) and frees the pack. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
