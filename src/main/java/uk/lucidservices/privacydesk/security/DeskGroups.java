package uk.lucidservices.privacydesk.security;

import java.util.List;

/** The desk's Camunda groups. */
public final class DeskGroups {

    public static final String PRIVACY_OFFICERS = "privacy-officers";
    public static final String COMPLAINT_HANDLERS = "complaint-handlers";
    public static final String MANAGERS = "managers";
    public static final String ADMINS = "camunda-admin";
    /** The PBX or dialler's own account: reads the do-not-record feed, nothing else. */
    public static final String PHONE_SYSTEM = "phone-system";

    public static final List<String> WORKING_GROUPS = List.of(PRIVACY_OFFICERS, COMPLAINT_HANDLERS, MANAGERS);

    private DeskGroups() {}
}
