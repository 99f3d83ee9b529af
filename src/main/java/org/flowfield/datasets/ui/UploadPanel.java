package org.flowfield.datasets.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.flowfield.datasets.DataSetLimits;
import org.flowfield.datasets.InvalidDataSetException;
import org.flowfield.datasets.InvalidDataSetNameException;
import org.flowfield.datasets.StorageFullException;
import org.flowfield.datasets.UserDataSet;
import org.flowfield.datasets.UserDataSets;

/** Uploading a CSV file as a data set: its problems are listed line by line. */
class UploadPanel extends VerticalLayout {

    static final String TOO_LARGE = "The file is larger than " + String.format(Locale.ROOT, "%,d", DataSetLimits.MAX_UPLOAD_BYTES)
            + " bytes, the most an upload may have.";

    final TextField name = new TextField("Name of the data set");
    final Upload upload = new Upload();
    final ProblemList problems = new ProblemList("upload-problems");
    private final UserDataSets dataSets;
    private final UUID me;
    private final Consumer<UserDataSet> saved;

    UploadPanel(UserDataSets dataSets, UUID me, Consumer<UserDataSet> saved) {
        this.dataSets = dataSets;
        this.me = me;
        this.saved = saved;
        setPadding(false);
        name.setMaxLength(DataSetLimits.MAX_NAME_LENGTH);
        // a file dropped on the upload does not take the focus from the name, so the name must not
        // wait for a change event: it reaches the server as it is typed, before the file does
        name.setValueChangeMode(ValueChangeMode.EAGER);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(DataSetLimits.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        upload.setUploadHandler(receiver());
        upload.addFileRejectedListener(rejected -> problems.show(List.of(
                rejected.getErrorMessage() != null && rejected.getErrorMessage().toLowerCase(Locale.ROOT).contains("big") ? TOO_LARGE
                        : rejected.getErrorMessage())));
        add(new H3("Upload a data set"),
                new Paragraph("A CSV file with one point per line: x,y or x,y,class (classes 0 to " + (DataSetLimits.MAX_CLASSES - 1)
                        + "), optionally a header line first; " + DataSetLimits.MIN_POINTS + " to "
                        + String.format(Locale.ROOT, "%,d", DataSetLimits.MAX_POINTS) + " points, at most "
                        + String.format(Locale.ROOT, "%,d", DataSetLimits.MAX_UPLOAD_BYTES) + " bytes. Name it first, then choose the file."),
                name, upload, problems);
    }

    /** Reads at most one byte more than an upload may have, then hands the bytes to the view's thread. */
    private UploadHandler receiver() {
        return event -> {
            byte[] file;
            try (InputStream in = event.getInputStream()) {
                file = in.readNBytes(DataSetLimits.MAX_UPLOAD_BYTES + 1);
            }
            UI ui = event.getUI();
            ui.access(() -> store(file));
        };
    }

    private void store(byte[] file) {
        try {
            UserDataSet dataSet = dataSets.upload(me, name.getValue(), new ByteArrayInputStream(file));
            name.setInvalid(false);
            name.clear();
            problems.clear();
            saved.accept(dataSet);
        } catch (InvalidDataSetNameException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
            problems.show(List.of(e.getMessage()));
        } catch (InvalidDataSetException e) {
            name.setInvalid(false);
            problems.show(e.problems());
        } catch (StorageFullException e) {
            problems.show(List.of(e.getMessage()));
        }
        upload.clearFileList();
    }
}
