package org.flowfield.signup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.flowfield.accounts.Account;
import org.flowfield.accounts.AccountService;
import org.flowfield.accounts.AccountValidator;
import org.flowfield.accounts.InvalidAccountException;
import org.flowfield.accounts.UsernameTakenException;
import org.flowfield.classrooms.Classroom;
import org.flowfield.classrooms.ClassroomService;
import org.flowfield.classrooms.InvalidClassroomException;
import org.flowfield.security.LimitedAction;
import org.flowfield.security.SecurityEvent;
import org.flowfield.security.SecurityLog;
import org.flowfield.security.Throttle;
import org.flowfield.security.ThrottledException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing up from the sign-up page, under the server's {@link SignUpMode}, within the sign-up
 * limits ({@link LimitedAction#SIGN_UP_PER_ADDRESS}, {@link LimitedAction#SIGN_UP_PER_SERVER}),
 * logged. An invite code also makes the new account a member of its class.
 */
@Service
@EnableConfigurationProperties(SignUpSettings.class)
public class SignUpService {

    /** The one key of {@link LimitedAction#SIGN_UP_PER_SERVER}'s bucket. */
    private static final String SERVER = "server";

    private final SignUpSettings settings;
    private final AccountService accounts;
    private final ClassroomService classrooms;
    private final Throttle throttle;
    private final SecurityLog log;

    SignUpService(SignUpSettings settings, AccountService accounts, ClassroomService classrooms, Throttle throttle, SecurityLog log) {
        this.settings = settings;
        this.accounts = accounts;
        this.classrooms = classrooms;
        this.throttle = throttle;
        this.log = log;
    }

    /** Whether sign-up needs an invite code on this server. */
    public SignUpMode mode() {
        return settings.mode();
    }

    /**
     * Creates the account, and with a class's invite code makes it a member of the class. The
     * username and password are checked first; every attempt past them counts against the
     * limits, wrong invite codes included. Nothing is stored when it throws.
     *
     * @param inviteCode a class's invite code, or the instructor code; may be blank in {@link SignUpMode#OPEN}
     * @param address the client's address
     * @throws InvalidAccountException when the username or password breaks the rules
     * @throws ThrottledException when the address or the server has had too many sign-ups
     * @throws InvalidClassroomException when the invite code is missing (in {@link SignUpMode#INVITE}, once
     *     the server has its first account), too long or unknown
     * @throws UsernameTakenException when the username is taken
     */
    @Transactional
    public Account signUp(String username, String password, String inviteCode, String address) {
        AccountValidator.requireValid(username, password);
        try {
            throttle.acquire(LimitedAction.SIGN_UP_PER_ADDRESS, address);
            throttle.acquire(LimitedAction.SIGN_UP_PER_SERVER, SERVER);
        } catch (ThrottledException e) {
            log.record(SecurityEvent.SIGN_UP_THROTTLED, null, username, address, e.action().name());
            throw e;
        }
        Optional<Classroom> joining = classToJoin(inviteCode);
        Account account = accounts.signUp(username, password);
        joining.ifPresent(classroom -> classrooms.join(account.id(), inviteCode));
        log.record(SecurityEvent.SIGN_UP, account.id(), account.username(), address,
                joining.map(classroom -> "joined class " + classroom.id()).orElse(inviteCode == null || inviteCode.isBlank() ? "open" : "instructor code"));
        return account;
    }

    private Optional<Classroom> classToJoin(String inviteCode) {
        boolean given = inviteCode != null && !inviteCode.isBlank();
        if (given && isInstructorCode(inviteCode)) {
            return Optional.empty();
        }
        if (!given && (settings.mode() == SignUpMode.OPEN || !accounts.anyoneSignedUp())) {
            // the server's first account needs no code: someone must sign up to create the first class
            return Optional.empty();
        }
        return Optional.of(classrooms.withInviteCode(inviteCode));
    }

    private boolean isInstructorCode(String typed) {
        return !settings.instructorCode().isEmpty() && MessageDigest.isEqual(
                typed.strip().getBytes(StandardCharsets.UTF_8), settings.instructorCode().getBytes(StandardCharsets.UTF_8));
    }
}
