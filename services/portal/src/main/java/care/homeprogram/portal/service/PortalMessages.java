package care.homeprogram.portal.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The fixed words of the patient's pages and printed program, one key set in three languages (docs/portal.md,
 * "Languages"): English here, Spanish and German in {@code messages/msg_es.properties} and
 * {@code messages/msg_de.properties}. Templates read them as {@code {msg:today_title}}, in the page's language
 * ({@link PageLanguage}); Java reads them through {@link PageLanguage#messages()}. {@code PortalMessagesTest} checks
 * that every key has its Spanish and German text. Words about safety (red flags, stop and emergency messages) are
 * marked in the files: their translations await clinical review (docs/clinical-rules.md).
 */
@MessageBundle(value = "msg", locale = "en")
public interface PortalMessages {

    // --- layout ---
    @Message("Skip to the main content")
    String layout_skipLink();

    @Message("Offline")
    String layout_offline();

    @Message("showing your program as of")
    String layout_offlineAsOf();

    @Message("Sessions you log now are kept on this phone and sent when you are back online.")
    String layout_offlineKept();

    @Message("Main")
    String layout_mainNav();

    @Message("Today")
    String nav_today();

    @Message("Check-in")
    String nav_checkIn();

    @Message("Questionnaires")
    String nav_questionnaires();

    @Message("History")
    String nav_history();

    @Message("Inbox")
    String nav_inbox();

    @Message("Reminders")
    String nav_reminders();

    @Message("Signed in as")
    String layout_signedInAs();

    @Message("Role:")
    String layout_role();

    @Message("Sign out")
    String layout_signOut();

    @Message("Your home program comes from your therapist. It does not replace medical advice. In an emergency call your local emergency number.")
    String layout_footer();

    @Message("Your plan is temporarily unavailable. Please try again in a few minutes; if you feel unwell, do not wait — contact your clinic.")
    String common_planUnavailable();

    // --- words used on several pages ---
    @Message("From your therapist:")
    String common_fromTherapist();

    @Message("How to do it")
    String common_howTo();

    @Message("Cautions")
    String common_cautions();

    @Message("Why this is safe")
    String common_whySafe();

    @Message("Do it as your therapist showed you. If you are unsure how, ask your therapist before you start.")
    String common_asShown();

    @Message("Back to today")
    String common_backToToday();

    // --- Today ---
    @Message("Today")
    String today_title();

    @Message("Before you start: a few health questions")
    String today_intakeHeading();

    @Message("Your therapist needs your answers to nine short questions about your health before your program can begin. It takes about two minutes.")
    String today_intakeText();

    @Message("Answer the health questions")
    String today_intakeButton();

    @Message("{#if count == 1}A questionnaire is{#else}{count} questionnaires are{/if} waiting for you")
    String today_questionnairesWaiting(int count);

    @Message("Your answers show your therapist how you are getting on.")
    String today_questionnairesText();

    @Message("Answer the questionnaires")
    String today_questionnairesButton();

    @Message("Do each exercise gently. Stop if you feel sharp pain, pain spreading down your leg, or new numbness or weakness, and tell us below.")
    String today_lede();

    @Message("Something changed? Safety check-in")
    String today_checkInLink();

    @Message("Print my program (PDF)")
    String today_printLink();

    @Message("({count} new)")
    String today_inboxNew(int count);

    @Message("Messages are delayed right now.")
    String today_messagesDelayed();

    @Message("Waiting to be sent")
    String today_waitingHeading();

    @Message("These sessions are kept on this phone and are sent by themselves when you are back online.")
    String today_waitingText();

    @Message("You have no program yet. Your therapist will assign one; you will get a message when it is ready.")
    String today_noProgram();

    @Message("Program for {date}")
    String today_programFor(String date);

    @Message("your time zone {zone}")
    String today_timeZone(String zone);

    @Message("week {week}")
    String today_week(int week);

    @Message("Your program is on hold.")
    String today_onHoldTitle();

    @Message("Please do not continue the exercises until your therapist has been in touch. If you feel unwell, contact your clinic; in an emergency call your local emergency number.")
    String today_onHoldText();

    @Message("{name} is paused.")
    String today_pausedTitle(String name);

    @Message("Your therapist will look at it.")
    String today_pausedWhy();

    @Message("Do not do this exercise until your therapist resumes it.")
    String today_pausedText();

    @Message("Your drink target: about")
    String today_hydrationBefore();

    @Message("{litres} litres")
    String today_hydrationLitres(String litres);

    @Message("today, spread through the day. Your therapist set it for you: do not drink more than this.")
    String today_hydrationAfter();

    @Message("Nothing is due today. Keep gently active, for example with a short walk.")
    String today_nothingDue();

    @Message("{#if times == 1}once{#else}{times} times{/if} today")
    String today_timesToday(int times);

    @Message("done {done} of {times}")
    String today_doneOf(long done, int times);

    @Message("Open {name} on its own page")
    String today_openItem(String name);

    @Message("with its pictures and video")
    String today_openItemHidden();

    @Message("Hold each time for")
    String today_holdFor();

    @Message("Keep going for")
    String today_keepGoingFor();

    @Message("Log this session")
    String today_logSession();

    @Message("Yes, it settled")
    String today_settledYes();

    @Message("No, it did not settle")
    String today_settledNo();

    @Message("Pain before, 0 (none) to 10 (worst)")
    String today_painBefore();

    @Message("Pain during and after, 0 (none) to 10 (worst)")
    String today_painAfter();

    @Message("Did you notice any of these? Tick all that apply.")
    String today_symptomsLegend();

    @Message("Sharp or catching pain")
    String symptom_SHARP_PAIN();

    @Message("Pain spreading down my leg")
    String symptom_PAIN_SPREADING_DOWN_LEG();

    @Message("New numbness, tingling or weakness")
    String symptom_NEW_NUMBNESS_OR_WEAKNESS();

    @Message("Pain rising with each repetition")
    String symptom_PAIN_RISING_WITH_REPETITIONS();

    @Message("Add sets, reps or a note (optional)")
    String today_more();

    @Message("Sets done")
    String today_setsDone();

    @Message("Reps done")
    String today_repsDone();

    @Message("Note for your therapist")
    String today_note();

    @Message("Log session")
    String today_logButton();

    // --- a dose in words (service/DoseText): "2 sets of 10 reps, hold 5 s · once a day · every day · 2 weeks" ---
    @Message("1 rep")
    String dose_oneRep();

    @Message("{reps} reps")
    String dose_reps(int reps);

    @Message("{sets} sets of {reps}")
    String dose_setsOf(int sets, String reps);

    @Message("{sets} sets")
    String dose_sets(int sets);

    @Message("hold {time}")
    String dose_hold(String time);

    @Message("once a day")
    String dose_onceADay();

    @Message("{times} times a day")
    String dose_timesADay(int times);

    @Message("every day")
    String dose_everyDay();

    @Message("1 week")
    String dose_oneWeek();

    @Message("{weeks} weeks")
    String dose_weeks(int weeks);

    // --- exercise detail ---
    @Message("This exercise is paused.")
    String exercise_pausedTitle();

    @Message("Do not do it until your therapist resumes it.")
    String exercise_pausedText();

    // --- check-in (clinical wording: awaiting clinical review in es/de) ---
    @Message("Safety check-in")
    String checkIn_title();

    /** Holds markup (the emphasis on "now"), so the page shows it raw: no parameters, never anyone's input. */
    @Message("Answer whenever your symptoms change. Tick what is true for you <strong>now</strong>. If you tick nothing, that counts as “no” to every question.")
    String checkIn_lede();

    @Message("Get help now")
    String checkIn_offlineHeading();

    @Message("You ticked a warning sign and this phone is offline, so your answers cannot reach your clinic.")
    String checkIn_offlineText();

    @Message("Do not wait: call your local emergency number now")
    String checkIn_offlineCall();

    @Message("(112 in Europe, 911 in the US, 999 in the UK), or go to the nearest emergency department. Do not do your exercises until a doctor or your clinic has spoken to you.")
    String checkIn_offlineCallMore();

    @Message("Do you have any of these?")
    String checkIn_question();

    @Message("Send my answers")
    String checkIn_send();

    @Message("If you feel very unwell right now, do not wait for this form: call your local emergency number.")
    String checkIn_unwell();

    @Message("Check-in answered")
    String checkIn_answered();

    @Message("Your program is on hold until your therapist has been in touch.")
    String checkIn_onHold();

    @Message("Numbness around my genitals, buttocks or inner thighs")
    String redFlag_SADDLE_NUMBNESS();

    @Message("New trouble passing urine, leaking urine, or losing control of my bowels")
    String redFlag_BLADDER_OR_BOWEL_CHANGE();

    @Message("New problems with sexual function")
    String redFlag_SEXUAL_DYSFUNCTION();

    @Message("Weakness or numbness in both legs, or weakness getting worse")
    String redFlag_BOTH_LEGS_WEAKNESS_OR_NUMBNESS();

    @Message("My back pain started after a serious accident (a fall from height, a car crash)")
    String redFlag_SERIOUS_ACCIDENT();

    @Message("A fever together with my back pain")
    String redFlag_FEVER();

    @Message("Weight loss I cannot explain")
    String redFlag_UNEXPLAINED_WEIGHT_LOSS();

    @Message("Pain at night that does not ease when I rest")
    String redFlag_NIGHT_PAIN();

    // --- what the safety rules decided (clinical wording: awaiting clinical review in es/de) ---
    @Message("Get emergency help now")
    String outcome_emergency();

    @Message("Call your local emergency number now")
    String outcome_callNow();

    @Message("(112 in Europe, 911 in the US, 999 in the UK), or go to the nearest emergency department.")
    String outcome_callNowMore();

    @Message("Please see a doctor today")
    String outcome_seeDoctorToday();

    @Message("Stop: {item} is paused")
    String outcome_stop(String item);

    @Message("Continue")
    String outcome_continue();

    @Message("Why")
    String outcome_why();

    @Message("Your therapist has been told.")
    String outcome_therapistTold();

    @Message("Exercise paused")
    String outcome_exercisePaused();

    @Message("Your correction is saved. The safety rules looked at the session again:")
    String outcome_correctionSaved();

    @Message("Next time we will ask:")
    String outcome_nextTime();

    @Message("My history")
    String outcome_myHistory();

    @Message("Session logged")
    String outcome_sessionLogged();

    @Message("Session corrected")
    String outcome_sessionCorrected();

    @Message("You reported sharp or catching pain.")
    String reason_STOP_RULE_SHARP_PAIN();

    @Message("You reported pain spreading down your leg.")
    String reason_STOP_RULE_PAIN_SPREADING_DOWN_LEG();

    @Message("You reported new numbness, tingling or weakness.")
    String reason_STOP_RULE_NEW_NUMBNESS_OR_WEAKNESS();

    @Message("You reported pain rising with each repetition.")
    String reason_STOP_RULE_PAIN_RISING_WITH_REPETITIONS();

    @Message("Your pain after the exercise was in the red band.")
    String reason_PAIN_RED();

    @Message("Your pain after the exercise was in the amber band.")
    String reason_PAIN_AMBER();

    @Message("Your pain stayed in the green band.")
    String reason_PAIN_GREEN();

    @Message("Your pain was higher than your usual level.")
    String reason_PAIN_RISE_OVER_BASELINE();

    @Message("Your pain from last time had not settled within 24 hours.")
    String reason_PAIN_AMBER_NOT_SETTLED();

    // --- preferences ---
    @Message("Reminder settings")
    String prefs_title();

    @Message("Reminders follow your time zone and never come during your quiet hours (emergency instructions are always shown at once in the app). Messages that leave the app never contain health details.")
    String prefs_intro();

    @Message("Time zone")
    String prefs_timeZone();

    @Message("For example Europe/Berlin or America/New_York.")
    String prefs_timeZoneHint();

    @Message("Quiet hours (no reminders)")
    String prefs_quietHours();

    @Message("From")
    String prefs_from();

    @Message("Until")
    String prefs_until();

    @Message("Channels")
    String prefs_channels();

    @Message("In the app (inbox)")
    String prefs_inApp();

    @Message("By email (“Your program for today is ready”, with a link)")
    String prefs_email();

    @Message("Save settings")
    String prefs_save();

    @Message("Language")
    String prefs_language();

    @Message("The language of this portal, your printed program and the messages we send you.")
    String prefs_languageHint();

    @Message("Change language")
    String prefs_languageSave();

    @Message("Your reminder settings are saved.")
    String prefs_saved();

    @Message("Your language is saved.")
    String prefs_languageSaved();

    @Message("Calendar")
    String prefs_calendar();

    // --- error pages (shared with therapists and admins, whose pages are always English) ---
    @Message("Go to your start page")
    String error_startPage();

    @Message("Something went wrong")
    String error_failureTitle();

    @Message("Something went wrong on our side")
    String error_failureHeading();

    @Message("Please try again in a few minutes. If it keeps happening, tell your clinic this reference:")
    String error_failureText();

    @Message("If you feel unwell, do not wait — contact your clinic. In an emergency call your local emergency number.")
    String error_unwell();

    @Message("Not available for your role")
    String error_forbiddenTitle();

    @Message("This page is not available for your role")
    String error_forbiddenHeading();

    @Message("You are signed in with the role")
    String error_forbiddenRole();

    @Message("This page belongs to another role, so it stays closed to you.")
    String error_forbiddenText();

    @Message("Not found")
    String error_notFoundTitle();

    @Message("We could not find that")
    String error_notFoundHeading();

    @Message("It does not exist, or it is not yours to see. Check the address, or start again from your start page.")
    String error_notFoundText();

    @Message("That did not work")
    String error_problem();

    @Message("Temporarily unavailable")
    String error_unavailable();

    @Message("Nothing you entered was lost on our side. If you were saving something, please try again shortly.")
    String error_nothingLost();

    // --- the printed program ---
    @Message("Home program")
    String pdf_documentTitle();

    @Message("Home program for {name}")
    String pdf_for(String name);

    @Message("You have no active program at the moment.")
    String pdf_noProgram();

    @Message("Program started {date}")
    String pdf_started(String date);

    @Message("(on hold: do not continue until your therapist says so)")
    String pdf_onHold();

    @Message("(paused)")
    String pdf_paused();

    @Message("Dose:")
    String pdf_dose();

    @Message("from week {week}")
    String pdf_fromWeek(int week);

    @Message("Why it is safe:")
    String pdf_whySafe();

    @Message("Video (watch it on your Today page in the portal):")
    String pdf_video();

    @Message("Picture (it cannot be printed):")
    String pdf_pictureUnprintable();

    @Message("Picture:")
    String pdf_picture();

    @Message("Your home program comes from your therapist, who chose it for you. It does not replace medical advice. Stop an exercise that causes sharp pain and tell your therapist. In an emergency call your local emergency number.")
    String pdf_disclaimer();

    // --- the history page, its pain trend and session table, the correction and withdrawal pages ---
    @Message("My history")
    String history_title();

    @Message("Pain trend")
    String history_painTrend();

    @Message("Sessions")
    String history_sessions();

    @Message("You can correct or withdraw a session for 24 hours after you log it.")
    String history_changeWindow();

    @Message("No sessions logged yet.")
    String sessions_none();

    @Message("Sessions, newest first")
    String sessions_caption();

    @Message("When")
    String sessions_when();

    @Message("Exercise")
    String sessions_exercise();

    @Message("Pain before")
    String sessions_painBefore();

    @Message("Pain after")
    String sessions_painAfter();

    @Message("Outcome")
    String sessions_outcome();

    @Message("Symptoms and note")
    String sessions_symptomsAndNote();

    @Message("Correct this session")
    String sessions_correct();

    @Message("Withdraw this session")
    String sessions_withdraw();

    @Message("No sessions logged yet: the pain trend appears after the first one.")
    String trend_none();

    @Message("Pain before and after exercise, per day")
    String trend_chartTitle();

    @Message("{day}: before {pain}")
    String trend_pointBefore(String day, String pain);

    @Message("{day}: after {pain}")
    String trend_pointAfter(String day, String pain);

    @Message("Before exercise (dashed)")
    String trend_legendBefore();

    @Message("After exercise (solid)")
    String trend_legendAfter();

    @Message("Pain per day as a table")
    String trend_tableSummary();

    @Message("Average pain (0–10) per day")
    String trend_tableCaption();

    @Message("Day")
    String trend_day();

    @Message("Before")
    String trend_before();

    @Message("After")
    String trend_after();

    @Message("Band")
    String trend_band();

    @Message("Sessions")
    String trend_sessions();

    @Message("green")
    String light_green();

    @Message("amber")
    String light_amber();

    @Message("red")
    String light_red();

    @Message("{item}, logged {when}.")
    String change_logged(String item, String when);

    @Message("Back to my history")
    String change_backToHistory();

    @Message("Please check your answers")
    String change_checkAnswers();

    @Message("(optional)")
    String change_optional();

    @Message("Cancel")
    String change_cancel();

    @Message("Correct a session")
    String correct_title();

    @Message("Enter the session as it really was. The safety rules look at it again, and your therapist can see what you changed and why.")
    String correct_intro();

    @Message("Why are you correcting it?")
    String correct_reason();

    @Message("For example: I entered the wrong pain score.")
    String correct_reasonHint();

    @Message("Save the correction")
    String correct_save();

    @Message("Withdraw a session")
    String withdraw_title();

    @Message("Withdraw a session you logged by mistake. It stays in your history, marked as withdrawn by you, and no longer counts for your pain trend. This cannot be undone.")
    String withdraw_intro();

    @Message("Why are you withdrawing it?")
    String withdraw_reason();

    @Message("For example: I logged it by mistake.")
    String withdraw_reasonHint();

    @Message("Confirm")
    String withdraw_confirm();

    @Message("Yes, withdraw this session")
    String withdraw_confirmBox();

    @Message("Withdraw the session")
    String withdraw_button();

    // --- the safety rules' decision on a session, as the patient reads it in their history ---
    @Message("Continue")
    String decision_CONTINUE();

    @Message("This exercise is paused")
    String decision_ITEM_PAUSED();

    @Message("See a doctor today")
    String decision_SEEK_CARE_TODAY();

    @Message("Get emergency help now")
    String decision_SEEK_CARE_NOW();

    @Message("Withdrawn by you")
    String decision_withdrawnByYou();

    @Message("{decision} (corrected by you)")
    String decision_correctedByYou(String decision);

    // --- the pain trend's description for screen readers and its legend (service/PainTrend) ---
    @Message("Average pain after exercise on 1 day, from {from} on {firstDay} to {to} on {lastDay}.")
    String trend_summaryOneDay(String from, String firstDay, String to, String lastDay);

    @Message("Average pain after exercise on {count} days, from {from} on {firstDay} to {to} on {lastDay}.")
    String trend_summaryDays(int count, String from, String firstDay, String to, String lastDay);

    @Message("Green is 0 to {greenMax}, amber {amberFrom} to {amberMax}, red {redFrom} or more.")
    String trend_bandsText(int greenMax, int amberFrom, int amberMax, int redFrom);

    @Message("Each day shows the most serious band the safety rules decided for its sessions.")
    String trend_eachDay();

    @Message("Each day's band is the one the safety rules decided")
    String trend_legendNoBands();

    @Message("Bands: green 0–{greenMax} continue, amber {amber} watch, red {redFrom}+ paused")
    String trend_legendBands(int greenMax, String amber, int redFrom);

    // --- the inbox ---
    @Message("Inbox")
    String inbox_title();

    @Message("Your messages are delayed: the inbox is temporarily unavailable. Please try again in a few minutes.")
    String inbox_delayed();

    @Message("No messages.")
    String inbox_none();

    @Message("New")
    String inbox_new();

    @Message("handled")
    String inbox_handled();

    @Message("Open")
    String inbox_open();

    @Message("Mark as read")
    String inbox_markRead();


    // --- the confirmations of the patient's pages (rest/Notices), after a form is sent ---
    @Message("Thank you: your answers are recorded and your therapist can see them.")
    String notice_intakeAnswered();

    @Message("This device now gets notifications from HomeProgram.")
    String notice_pushOn();

    @Message("Notifications are stopped on that device.")
    String notice_pushOff();

    @Message("This device could not be set up for notifications. Please try again.")
    String notice_pushRefused();

    @Message("Notifications on devices are not available right now. Everything still comes in the app and by email.")
    String notice_pushUnavailable();

    @Message("Your calendar link is stopped: calendars that used it get nothing more.")
    String notice_calendarRevoked();

    @Message("Marked as read.")
    String notice_messageRead();

    @Message("The session is withdrawn: it stays in your history, marked as withdrawn by you, and no longer counts for your pain trend.")
    String notice_sessionWithdrawn();

    // --- the questionnaires (the instrument's own questions and options come from the questionnaire, in its language) ---
    @Message("Questionnaires")
    String quest_title();

    @Message("Short questionnaires your therapist asks you to answer. Your answers show how you are getting on.")
    String quest_lede();

    @Message("Your questionnaires are temporarily unavailable. Please try again in a few minutes.")
    String quest_unavailable();

    @Message("Nothing to answer right now. Thank you!")
    String quest_nothing();

    @Message("asked since {date}")
    String quest_askedSince(java.time.LocalDate date);

    @Message("Answer")
    String quest_answer();

    @Message("At the start")
    String quest_atStart();

    @Message("At the end of the program")
    String quest_atEnd();

    @Message("Week {week}")
    String quest_week(String week);

    @Message("Error:")
    String quest_errorPrefix();

    @Message("Please check your answers")
    String quest_checkAnswers();

    @Message("Leave it empty if you have nothing to add.")
    String quest_leaveEmpty();

    @Message("Yes")
    String quest_yes();

    @Message("No")
    String quest_no();

    @Message("Send my answers")
    String quest_send();

    @Message("Thank you")
    String quest_thanks();

    @Message("Your answers to “{title}” are recorded. Your therapist can see them.")
    String quest_recorded(String title);

    @Message("Your score")
    String quest_yourScore();

    @Message("More questionnaires")
    String quest_more();

    // --- Reminders: the calendar section ---
    @Message("Add your program to your own calendar app (Google Calendar, Apple Calendar, Outlook and others): on each day you have exercises it shows an all-day entry “Home program” with a link to your program here. It never shows exercise names or anything about your health.")
    String cal_intro();

    @Message("Your calendar settings cannot be shown right now. Please try again later; your reminder settings above still work.")
    String cal_unavailable();

    @Message("Your calendar link")
    String cal_yourLink();

    @Message("Copy it into your calendar app (“Add calendar from URL” or “Subscribe”). It is shown only now: we keep no copy we could show you again.")
    String cal_copyHint();

    @Message("Open in my calendar app")
    String cal_openInApp();

    @Message("(on phones and computers that have one)")
    String cal_openInAppMore();

    @Message("Keep the link secret.")
    String cal_keepSecret();

    @Message("Anyone who has it can see on which days you have exercises (nothing else), without signing in. If you shared it by mistake or lost a device, get a new link (the old one stops working at once) or stop the calendar.")
    String cal_keepSecretMore();

    @Message("Your calendar link was made on {since}")
    String cal_madeOn(String since);

    @Message("; a calendar last fetched it on {when}")
    String cal_lastFetched(String when);

    @Message("; no calendar has fetched it yet")
    String cal_neverFetched();

    @Message("Get a new calendar link")
    String cal_newLink();

    @Message("Stop the calendar")
    String cal_stop();

    @Message("You have no calendar link.")
    String cal_noLink();

    @Message("Add my program to my calendar")
    String cal_add();

    @Message("Your calendar link is ready. Copy it now: for your safety it is shown only this once.")
    String cal_ready();


    // --- Reminders: notifications on this device (tags/push.html, the patient's wording; therapists' stays English) ---
    @Message("Notifications on this device")
    String push_heading();

    @Message("Get your reminders, and a note when there is a new message for you, as a notification on this phone or computer. A notification only says “Your program for today is ready” or “You have a new message”: never any health details. Quiet hours apply.")
    String push_intro();

    @Message("Notifications on this device need JavaScript, which is turned off or not supported in this browser. Your reminders still come in the app and by email.")
    String push_needsScript();

    @Message("Send reminders to this device")
    String push_send();

    @Message("Devices that get notifications")
    String push_devices();

    @Message("Through {service}, since {since}")
    String push_device(String service, java.time.LocalDate since);

    @Message("Stop notifications on this device")
    String push_stop();

    @Message("Notifications on devices are not available right now.")
    String push_unavailable();

    @Message("Your reminders still come in the app and by email.")
    String push_stillInApp();

    // --- form error messages on the patient's pages, made in Java ---
    @Message("Required")
    String form_required();

    @Message("Must be a time such as 21:00")
    String form_time();

    @Message("Must be a time zone such as Europe/Berlin or America/New_York")
    String form_timeZone();

    @Message("Choose your pain before, from 0 (none) to 10 (worst)")
    String form_painBefore();

    @Message("Choose your pain after, from 0 (none) to 10 (worst)")
    String form_painAfter();

    @Message("Must be 0 to {max}")
    String form_zeroTo(int max);

    @Message("At most {max} characters")
    String form_atMost(int max);

    @Message("Say briefly what was wrong, for example \"I entered the wrong pain score\"")
    String form_correctReason();

    @Message("Say briefly why, for example \"I logged it by mistake\"")
    String form_withdrawReason();

    @Message("Tick the box to confirm you want to withdraw this session")
    String form_confirmWithdraw();


    @Message("This session can no longer be changed: it was logged more than 24 hours ago. Tell your therapist if something was wrong.")
    String change_windowClosed();

    @Message("This session is withdrawn, so it can no longer be changed. Tell your therapist if something was wrong.")
    String change_alreadyWithdrawn();
}
