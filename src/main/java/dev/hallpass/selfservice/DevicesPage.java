package dev.hallpass.selfservice;

import dev.hallpass.client.ClientAddress;
import dev.hallpass.session.boundary.CurrentSession;
import dev.hallpass.session.devices.DeviceSession;
import dev.hallpass.session.devices.MyDevices;
import dev.hallpass.web.FacesFeedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * "My devices": the user's live sessions, this one marked. Ending another one (or all others) asks
 * for the password again, so that a stolen session cannot shut its owner out.
 */
@Named
@ViewScoped
public class DevicesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MyDevices devices;

    @Inject
    CurrentSession current;

    @Inject
    ClientAddress clients;

    private String selectedHandle;
    private String password;

    public List<DeviceSession> getDevices() {
        return devices.list(current.require());
    }

    /** Remembers which session the password dialog is for; blank: every other one. */
    public void select(String handle) {
        selectedHandle = handle;
        password = null;
    }

    public void end() {
        String handle = selectedHandle;
        boolean done = FacesFeedback.attempt(() -> {
            if (handle == null || handle.isBlank()) {
                FacesFeedback.info("devices.others-ended", devices.endOthers(current.require(), password, clients.current()));
            } else if (devices.endOther(current.require(), handle, password, clients.current())) {
                FacesFeedback.info("devices.ended");
            } else {
                FacesFeedback.error("devices.already-ended");
            }
        });
        password = null;
        if (done) {
            selectedHandle = null;
        }
    }

    public String getSelectedHandle() { return selectedHandle; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
