package org.flowfield.cli;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.flowfield.accounts.AccountService;
import org.flowfield.api.tokens.AccessTokenService;
import org.flowfield.datasets.UserDataSet;
import org.flowfield.datasets.UserDataSets;
import org.flowfield.flows.ModelFamily;
import org.flowfield.flows.fm.FlowMatchingConfig;
import org.flowfield.flows.nf.CouplingFlowConfig;
import org.flowfield.runs.Run;
import org.flowfield.runs.RunService;
import org.flowfield.runs.settings.RunPreset;
import org.flowfield.runs.settings.RunPresets;
import org.flowfield.runs.settings.RunSetting;
import org.flowfield.runs.settings.RunSettings;
import org.flowfield.runs.settings.RunSettingsMapper;
import org.flowfield.runs.settings.RunSettingsSchema;
import org.flowfield.runs.settings.RunSettingsValidator;
import org.flowfield.runs.ui.RunSettingsForm;
import org.flowfield.training.TrainingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every declared setting, set to a value other than its preset's, goes the whole way and comes
 * back unchanged: typed into the real run form, submitted as settings, queued through the run
 * service (validator, mapper, codec) into the H2 database, read back as the API's JSON over HTTP,
 * turned into the command line's options and parsed by {@code train}, posted back to the API, and
 * loaded into a form again (as a fork does).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "flowfield.data-dir=./target/test-data/round-trip-${random.uuid}",
    "flowfield.queue.dispatch=false",
    "jobrunr.background-job-server.enabled=false",
    "flowfield.accounts.bcrypt-strength=4"
})
class RunSettingsRoundTripTest {

    private static final String NAME = "Round trip: «ünïcode» and 7";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired AccessTokenService tokens;
    @Autowired RunService runs;
    @Autowired UserDataSets dataSets;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private UUID student;
    private String token;
    /** The student's own data set, labelled so that every family may learn it: the choice of {@link RunSettingsSchema#USER_DATA_SET}. */
    private UserDataSet ownData;

    @BeforeEach
    void studentWithAToken() {
        MockVaadin.setup();
        student = accounts.signUp("trip-" + UUID.randomUUID().toString().substring(0, 8), "a long password").id();
        token = tokens.create(student, "round trip").secret();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            csv.append(i % 13 * 0.3).append(',').append(i % 7 * 0.5 - i % 2).append(',').append(i % 2).append('\n');
        }
        ownData = dataSets.upload(student, "two classes", new java.io.ByteArrayInputStream(
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @AfterEach
    void tearDown() {
        runs.listOwn(student).forEach(run -> runs.cancel(student, run.id()));
        MockVaadin.tearDown();
    }

    /** Every setting with every family that uses it; the family itself with each family but the form's first. */
    static Stream<Arguments> everySettingOfEveryFamily() {
        return RunSettingsSchema.ALL.stream().flatMap(setting -> Arrays.stream(ModelFamily.values())
                .filter(setting::usedBy)
                .filter(family -> setting != RunSettingsSchema.FAMILY || family != ModelFamily.NORMALIZING_FLOW)
                .map(family -> Arguments.of(setting, family)));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("everySettingOfEveryFamily")
    void aNonDefaultValueSurvivesFormStorageApiAndCommandLine(RunSetting<?> setting, ModelFamily family) throws Exception {
        roundTrip(setting, family);
    }

    private <T> void roundTrip(RunSetting<T> setting, ModelFamily family) throws Exception {
        RunSettings preset = RunPresets.smoke(family);
        T value = setting == RunSettingsSchema.FAMILY ? setting.type().cast(family) : nonDefault(setting, preset, ownData);

        // the form: choose the family and the smoke preset, then type the one value
        RunSettingsForm form = form();
        List<RunSettings> submitted = new ArrayList<>();
        form.addSubmitListener(event -> submitted.add(event.settings()));
        setInForm(form, RunSettingsSchema.FAMILY, family);
        _setValue(_get(form, Select.class, spec -> spec.withLabel("Preset")), RunPreset.SMOKE);
        setInForm(form, setting, value);
        _click(_get(form, Button.class, spec -> spec.withText("Queue the run")));
        assertThat(submitted).as("the form submitted").hasSize(1);
        RunSettings settings = submitted.getFirst();
        assertThat(setting.get(settings)).isEqualTo(value);

        // the service: validator, mapper, codec, the run table of the H2 database
        Run queued = runs.queue(student, settings);
        Run stored = runs.find(student, queued.id()).orElseThrow();
        TrainingConfig config = stored.config();
        assertThat(config).isEqualTo(RunSettingsMapper.toTrainingConfig(settings, config.userData()));
        if (setting == RunSettingsSchema.USER_DATA_SET) {
            assertThat(config.userData().id()).isEqualTo(ownData.id());
            assertThat(config.userData().classes()).isEqualTo(ownData.classes());
        }
        if (setting.stored()) {
            assertThat(setting.valueIn(config)).isEqualTo(value);
            // where the family's model reads it, not only where the declaration looks
            RunSettings before = setting == RunSettingsSchema.FAMILY ? RunPresets.smoke(ModelFamily.NORMALIZING_FLOW) : preset;
            assertThat(trained(config)).isNotEqualTo(trained(RunSettingsMapper.toTrainingConfig(before)));
        } else {
            assertThat(stored.name()).isEqualTo(value);
        }

        // the API's JSON, over HTTP
        JsonNode shown = get("/api/runs/" + stored.id()).get("settings");
        assertThat(shown.get(setting.field())).isEqualTo(json.valueToTree(setting.json(value)));

        // the command line: every option the JSON holds, typed as text
        List<String> args = new ArrayList<>();
        for (String field : shown.propertyNames()) {
            RunSetting<?> each = RunSettingsSchema.of(field);
            if (each.option() != null) {
                JsonNode node = shown.get(field);
                args.add(each.option());
                args.add(node.isString() ? node.stringValue() : node.asString());
            }
        }
        TrainingConfig parsed = TrainArguments.parse(args.toArray(String[]::new)).config();
        // the command line trains on one's own computer, without one's stored data sets
        assertThat(parsed).isEqualTo(config.withUserData(null));
        if (setting.option() != null) {
            assertThat(setting.valueIn(parsed)).isEqualTo(value);
        }

        // back: the API takes the JSON it shows, and a form loads the stored run (a fork)
        JsonNode posted = post("/api/runs", shown);
        assertThat(posted.get("settings")).isEqualTo(shown);
        assertThat(runs.find(student, UUID.fromString(posted.get("id").asString())).orElseThrow().config()).isEqualTo(config);
        RunSettingsForm fork = form();
        fork.load(RunSettingsMapper.fromTrainingConfig(config, stored.name()));
        assertThat(inForm(fork, setting)).isEqualTo(value);
    }

    /** What a run of the configuration's family trains: the configuration without the other family's architecture. */
    private static TrainingConfig trained(TrainingConfig config) {
        return config.family() == ModelFamily.NORMALIZING_FLOW
                ? config.withFlowMatching(FlowMatchingConfig.EXERCISE) : config.withCouplingFlow(CouplingFlowConfig.EXERCISE);
    }

    /** The first of the setting's bounds and their middle that differs from the preset and is valid with it. */
    @SuppressWarnings("unchecked")
    private static <T> T nonDefault(RunSetting<T> setting, RunSettings preset, UserDataSet ownData) {
        T current = setting.get(preset);
        List<Object> candidates = switch (setting.kind()) {
            case TEXT -> List.of(NAME);
            case FAMILY -> List.of();
            case CHOICE -> setting.openChoice() ? List.of(ownData.id().toString()) : new ArrayList<>(setting.choices());
            case FLAG -> List.of(!Boolean.TRUE.equals(current));
            case WHOLE -> {
                int min = setting.min().value().intValue();
                int max = setting.max().value().intValue();
                yield List.of(min, max, min + (max - min) / 2);
            }
            case LONG -> List.of(setting.min().value().longValue(), setting.max().value().longValue());
            case DECIMAL -> {
                double min = setting.min().value().doubleValue();
                double max = setting.max().value().doubleValue();
                yield List.of(min, max, (min + max) / 2);
            }
        };
        for (Object candidate : candidates) {
            RunSettings changed = preset.copy();
            setting.set(changed, candidate);
            if (!Objects.equals(candidate, current) && RunSettingsValidator.validate(changed).isEmpty()) {
                return (T) candidate;
            }
        }
        throw new AssertionError("no valid value of " + setting + " other than " + current + " among " + candidates);
    }

    private RunSettingsForm form() {
        RunSettingsForm form = new RunSettingsForm();
        form.offerOwnDataSets(java.util.Map.of(ownData.id().toString(), ownData.name()));
        UI.getCurrent().add(form);
        return form;
    }

    private static Component component(RunSettingsForm form, RunSetting<?> setting) {
        return _get(form, Component.class, spec -> spec.withId(RunSettingsForm.ID_PREFIX + setting.field()));
    }

    @SuppressWarnings("unchecked")
    private static <T> void setInForm(RunSettingsForm form, RunSetting<T> setting, T value) {
        switch (component(form, setting)) {
            case TextField text -> _setValue(text, setting.typed(value));
            case Checkbox box -> _setValue(box, (Boolean) value);
            case Select<?> select -> _setValue((Select<Object>) select, value);
            default -> throw new AssertionError("no way to enter " + setting);
        }
    }

    private static <T> Object inForm(RunSettingsForm form, RunSetting<T> setting) {
        return switch (component(form, setting)) {
            case TextField text -> setting.read(text.getValue());
            case Checkbox box -> box.getValue();
            case Select<?> select -> select.getValue();
            default -> throw new AssertionError("no way to read " + setting);
        };
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(path).GET(), 200);
    }

    private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(copy))), 201);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return json.readTree(response.body());
    }
}
