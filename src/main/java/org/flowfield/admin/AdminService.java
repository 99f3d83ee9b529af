package org.flowfield.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountDirectory;
import org.flowfield.accounts.AccountDirectory.ListedAccount;
import org.flowfield.accounts.AccountService;
import org.flowfield.security.Administrators;
import org.flowfield.security.LoggedInSessions;
import org.flowfield.security.SecurityEvent;
import org.flowfield.security.SecurityLog;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunNotFoundException;
import org.flowfield.runs.ServerQueue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the server's administrators see and do: the whole queue and what each device trains,
 * cancelling any run, disabling and enabling accounts, and changing limits while the server runs.
 * Every method first checks that the caller is an administrator ({@code flowfield.admin.accounts},
 * account not disabled) and otherwise throws {@link NotAdministratorException}.
 */
@Service
public class AdminService {

    private final Administrators administrators;
    private final AccountService accounts;
    private final AccountDirectory directory;
    private final ServerQueue queue;
    private final LoggedInSessions sessions;
    private final SecurityLog log;
    private final Map<String, AdjustableLimit> limits;

    AdminService(Administrators administrators, AccountService accounts, AccountDirectory directory, ServerQueue queue,
            LoggedInSessions sessions, List<AdjustableLimit> limits, SecurityLog log) {
        this.log = log;
        this.administrators = administrators;
        this.accounts = accounts;
        this.directory = directory;
        this.queue = queue;
        this.sessions = sessions;
        Map<String, AdjustableLimit> byName = new LinkedHashMap<>();
        limits.stream().sorted(Comparator.comparing(AdjustableLimit::label)).forEach(limit -> {
            if (byName.put(limit.name(), limit) != null) {
                throw new IllegalStateException("two adjustable limits are named " + limit.name());
            }
        });
        this.limits = byName;
    }

    /** Whether the caller administers the server (for showing or hiding the way to its page). */
    public boolean isAdministrator(UUID callerId) {
        return accounts.findById(callerId)
                .filter(account -> administrators.includes(account.username()))
                .filter(account -> !directory.isDisabled(account.id()))
                .isPresent();
    }

    /** Every waiting run in start order, and the started runs by device and pack. */
    @Transactional(readOnly = true)
    public QueueOverview queue(UUID callerId) {
        requireAdministrator(callerId);
        List<Run> waiting = queue.waiting();
        Map<String, List<Run>> byPack = new LinkedHashMap<>();
        Map<String, TrainingPack> packs = new LinkedHashMap<>();
        for (Run run : queue.started()) {
            boolean inPack = run.packId() != null && run.device() != null && !run.waitingToResume();
            String device = inPack ? run.device() : TrainingPack.NO_TRAINER;
            String key = device + "/" + (inPack ? run.packId() : "");
            byPack.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
            packs.putIfAbsent(key, new TrainingPack(device, inPack ? run.packId() : null, List.of()));
        }
        List<TrainingPack> training = packs.entrySet().stream()
                .map(entry -> new TrainingPack(entry.getValue().device(), entry.getValue().packId(), byPack.get(entry.getKey())))
                .sorted(Comparator.comparing((TrainingPack pack) -> pack.packId() == null)
                        .thenComparing(TrainingPack::device)
                        .thenComparing(pack -> pack.runs().getFirst().startedAt()))
                .toList();
        Map<UUID, String> owners = new HashMap<>();
        Stream.concat(waiting.stream(), training.stream().flatMap(pack -> pack.runs().stream()))
                .map(Run::ownerId).distinct()
                .forEach(owner -> accounts.findById(owner).ifPresent(account -> owners.put(owner, account.username())));
        return new QueueOverview(waiting, training, owners);
    }

    /**
     * Cancels any run, whoever owns it, as its owner's cancel would.
     *
     * @throws RunNotFoundException when no such run exists
     */
    @Transactional
    public Run cancel(UUID callerId, UUID runId) {
        requireAdministrator(callerId);
        return queue.cancel(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    /** Every account people use, by username, with whether it is disabled. */
    @Transactional(readOnly = true)
    public List<ListedAccount> accounts(UUID callerId) {
        requireAdministrator(callerId);
        return directory.all();
    }

    /**
     * Disables an account: it can no longer log in or use its access tokens, its waiting and
     * started runs are cancelled, and its open sessions on this server end.
     *
     * @throws InvalidAccountChangeException when no such account exists, or it is an
     *     administrator's (remove it from {@code flowfield.admin.accounts} first)
     */
    @Transactional
    public AccountDisabling disable(UUID callerId, UUID accountId) {
        requireAdministrator(callerId);
        Account account = changeable(accountId);
        directory.setDisabled(account.id(), true);
        int cancelled = queue.cancelAllOf(account.id());
        int ended = sessions.endSessionsOf(account.username());
        log.record(account.id(), SecurityEvent.ACCOUNT_DISABLED, "by administrator " + callerId + "; " + cancelled + " run(s) cancelled, "
                + ended + " session(s) ended");
        return new AccountDisabling(account.username(), cancelled, ended);
    }

    /**
     * Lets a disabled account log in and use its tokens again (its cancelled runs stay cancelled).
     *
     * @throws InvalidAccountChangeException when no such account exists, or it is an administrator's
     */
    @Transactional
    public void enable(UUID callerId, UUID accountId) {
        requireAdministrator(callerId);
        directory.setDisabled(changeable(accountId).id(), false);
        log.record(accountId, SecurityEvent.ACCOUNT_ENABLED, "by administrator " + callerId);
    }

    /** Every adjustable limit with its value now, by label. */
    public List<LimitValue> limits(UUID callerId) {
        requireAdministrator(callerId);
        return limits.values().stream().map(LimitValue::of).toList();
    }

    /**
     * Changes a limit at once, without a restart.
     *
     * @throws InvalidLimitException when no limit has this name or the value is outside its bounds
     *     (nothing changes)
     */
    public LimitValue changeLimit(UUID callerId, String name, long value) {
        requireAdministrator(callerId);
        AdjustableLimit limit = limits.get(name);
        if (limit == null) {
            throw new InvalidLimitException("There is no limit named '" + name + "'");
        }
        if (value < limit.min() || value > limit.max()) {
            throw new InvalidLimitException(String.format(java.util.Locale.ROOT, "%s must be between %,d and %,d",
                    limit.label(), limit.min(), limit.max()));
        }
        long before = limit.get();
        limit.set(value);
        log.record(callerId, SecurityEvent.LIMIT_CHANGED, limit.name() + " " + before + " -> " + value);
        return LimitValue.of(limit);
    }

    private void requireAdministrator(UUID callerId) {
        if (callerId == null || !isAdministrator(callerId)) {
            throw new NotAdministratorException();
        }
    }

    private Account changeable(UUID accountId) {
        Account account = accounts.findById(accountId)
                .filter(found -> !found.id().equals(AccountService.REFERENCE_ACCOUNT_ID))
                .orElseThrow(() -> new InvalidAccountChangeException("There is no account with id " + accountId));
        if (administrators.includes(account.username())) {
            throw new InvalidAccountChangeException(account.username()
                    + " is an administrator: remove the account from flowfield.admin.accounts to disable it");
        }
        return Objects.requireNonNull(account);
    }
}
