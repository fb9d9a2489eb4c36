<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AlarmCommands</name>
    <message>
        <source>Claim another alarm?</source>
        <extracomment>how long the &quot;alarm closed&quot; line stays (ms) AlarmView the database returned with a command&apos;s result (the desk applies it) text, banner level, timeout in ms (0: until dismissed) alarm id -&gt; the open items this operator holds that claiming it should name first (``domain.queue.claims_to_confirm``); () claims without asking the question open now, if any (one at a time) command name -&gt; the alarm it was last sent for (a failure may carry no alarm)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You already hold %n open alarm(s):</source>
        <translation>
            <numerusform>You already hold %n open alarm:</numerusform>
            <numerusform>You already hold %n open alarms:</numerusform>
        </translation>
    </message>
    <message>
        <source>Claim this one too? Close or release the other first if a colleague should take it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim it too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm closed: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already claimed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already claimed by another operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not hold the claim on this alarm any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already closed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This alarm is already closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This alarm is not known to the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be reached. Your %1 is kept on this workstation and will be sent when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 did not succeed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmDetails</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deviations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alarm selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading deviations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · received %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time not given by the device · received %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Closing this row closes all %n alarms with one decision.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No deviations recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmQueueModel</name>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by %1</source>
        <extracomment>every role whose value an update may change, except ``SortKeyRole``: a ``dataChanged`` with these roles tells the proxy that the row keeps its place in the queue. what an Age cell shows and how, repainted when the overdue state changes roles whose value the clock changes in any column (never kept between repaints) the mark in front of an overdue waiting time rows are in queue order (AlarmQueueProxy passes it through instead of sorting) ids that entered the queue in one ``apply`` (for ``bridge.mark_shown``) ids that left the queue in one ``apply`` (closed) id -&gt; (the view the values were made from, (column, role) -&gt; value): a repaint asks every visible cell again, and most rows did not change since the last one</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed at source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated at device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown alarm kind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past its answer target by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmQueueView</name>
    <message>
        <source>Alarm queue</source>
        <extracomment>the selected alarm id, or None when nothing is selected Enter/Return (or double click) on an alarm: open its triage panel how many new alarms are scrolled out of sight above</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ 1 new alarm above</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>▲ %n new alarms above</source>
        <translation>
            <numerusform>▲ %n new alarm above</numerusform>
            <numerusform>▲ %n new alarms above</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the top of the queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertController</name>
    <message>
        <source>%1 — %2</source>
        <extracomment>Ctrl+M pauses alarm sounds this long (s) an alert strip line: (&quot;overdue&quot; | &quot;reminder&quot;, alarm id) the sound&apos;s state changed (available, paused, or the time left): show it again what the escalation line counts: (&quot;overdue&quot;, queue row id) -&gt; the overdue alarm&apos;s id; (&quot;reminder&quot;, alarm id) -&gt; the same id</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High alarm waiting %1 — past its %2 s target: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You claimed %1 %2 min ago; close it or release it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n high alarm(s) past the answer target</source>
        <translation>
            <numerusform>%n high alarm past the answer target</numerusform>
            <numerusform>%n high alarms past the answer target</numerusform>
        </translation>
    </message>
    <message>
        <source>oldest waiting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) held long: close or release</source>
        <translation>
            <numerusform>%n claim held long: close or release</numerusform>
            <numerusform>%n claims held long: close or release</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Feed token</source>
        <extracomment>after the main window stands, the start-up heap is collected once and frozen (gc_policy)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token for the feed %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the desk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: signed in automatically as the demo nurse “%1”. The demo shift lead is “%2” (password %3), e.g. to sign off the handover from the lock screen (Ctrl+Alt+L).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionController</name>
    <message>
        <source>Operator Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New high alarm: %1 (%2 waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New high alarms (%3): %1 (%2 waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator Desk — no high alarms waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator Desk — high alarms waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbackLabels</name>
    <message>
        <source>Reached, all well</source>
        <extracomment>outcomes in the order they are offered</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached, follow-up needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reached, will retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reached, escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anyone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbacksController</name>
    <message numerus="yes">
        <source>%n overdue</source>
        <extracomment>callbacks are reloaded this often (ms), besides after every callback command how long an informational banner stays (ms) list[Callback], after each load text, banner level, timeout in ms (0: until dismissed) the open callback dialog (kept so tests and the window can reach it)</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an alarm or a patient first, then schedule the callback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback to %1 scheduled for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback details are still loading. Try again in a moment, or close the item with an outcome and a note.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbacksModel</name>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome / note</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(moved %nx)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2 by %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbacksView</name>
    <message>
        <source>Callbacks</source>
        <extracomment>patient id of the selected callback, or None (the caller asks for a patient) callback id, new due (aware UTC datetime), why callback id, CallbackOutcome, note patient id of the activated row (double-click / Enter): open the patient
----------
the open dialog, kept so tests (and the window) can reach it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due &amp; overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n upcoming</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompleteCallbackDialog</name>
    <message>
        <source>Callback done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was said or done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say in the note why the callback is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>Claim the most urgent alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release the alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule callback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause sound for 2 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurements to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim the most urgent unclaimed alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2, Ctrl+Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the triage panel of the selected alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+1 … Alt+7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the alarm (claimed by you, outcome chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule a callback to the selected patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause alarm sounds for 2 minutes / resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover (own window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume sound</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskLayout</name>
    <message>
        <source>Home measurements</source>
        <extracomment>below this height the measurements part shows the latest values as a tab, not above the plots (heading, NEWS2, six latest values and one 150 px plot need about 480 px)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>INSECURE (ws://)</source>
        <extracomment>how many bad-frame reasons the tooltip keeps</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed connection is not encrypted (ws://). Patient data travels in clear text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: %1 @ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: simulated alarms and patients, not real ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection status received yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOUND PAUSED %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOUND PAUSED %1 · Audio unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm sounds are paused; alarms still flash. Ctrl+M resumes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio unavailable — visual signals only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound device: alarms are shown and flash, but make no sound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+M pauses alarm sounds for 2 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STALE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last heard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream %1 · seq %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backlog %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) set aside</source>
        <translation>
            <numerusform>%n event set aside</numerusform>
            <numerusform>%n events set aside</numerusform>
        </translation>
    </message>
    <message>
        <source>Feed events the desk could not apply. They are kept with their frames and counted in the handover; an alarm among them is in the queue as an unreadable alarm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad frames %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last rejected frames:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames rejected by the decoder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialogKeys</name>
    <message>
        <source>Ctrl+Enter</source>
        <extracomment>both Enter keys: the main keyboard&apos;s Return and the keypad&apos;s Enter</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueTimePicker</name>
    <message numerus="yes">
        <source>+%n min</source>
        <extracomment>quick choices offered for the due time, in minutes from now</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom due time (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due at %1 (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time is in the past</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the technical details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EscalationLine</name>
    <message>
        <source>Every overdue alarm; choose one to select it</source>
        <extracomment>background, text, border per level (the severity colours of the queue&apos;s priority chips) lines named in the summary&apos;s tooltip (the rest is counted; the full list is the menu) one line of the full list: (alarm id, text) the operator dismissed the line (it comes back with the next overdue alarm) an alarm was chosen from the full list: select it in the queue</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss (it comes back with the next overdue alarm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the escalation line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all (%1) ▾</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedWarning</name>
    <message>
        <source>Feed %1. New alarms are NOT arriving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed stopped. New alarms are NOT arriving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed %1: the queue may be incomplete until the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupLabels</name>
    <message numerus="yes">
        <source>%n further alarm(s) from this patient in this row; each is kept, and closing the row closes them all with one decision.</source>
        <translation>
            <numerusform>%n further alarm from this patient in this row; each is kept, and closing the row closes them all with one decision.</numerusform>
            <numerusform>%n further alarms from this patient in this row; each is kept, and closing the row closes them all with one decision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1  +%n (%2)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverChart</name>
    <message>
        <source>Alarms per 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Highest: %n alarm(s) in 10 minutes</source>
        <translation>
            <numerusform>Highest: %n alarm in 10 minutes</numerusform>
            <numerusform>Highest: %n alarms in 10 minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) past the answer target</source>
        <translation>
            <numerusform>%n alarm past the answer target</numerusform>
            <numerusform>%n alarms past the answer target</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flood period(s)</source>
        <translation>
            <numerusform>%n flood period</numerusform>
            <numerusform>%n flood periods</numerusform>
        </translation>
    </message>
    <message>
        <source>No alarms to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alarms received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ past answer target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flood (&gt; 10 per operator)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverPdf</name>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TARGET MET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TARGET NOT MET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered within {0} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1} of {2}); target {3}: {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not claimed at shift end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer-time breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed events set aside (not applied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flood windows (&gt;10 per operator / 10 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median {0}, 90 % within {1}, longest {2} ({3})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s)</source>
        <translation>
            <numerusform>%n alarm</numerusform>
            <numerusform>%n alarms</numerusform>
        </translation>
    </message>
    <message>
        <source>Not claimed so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (busiest window: {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open now (the shift is still on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open at shift end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (from earlier shifts: {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} done, {1} cancelled, {2} OVERDUE, {3} pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators on duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alarms per 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>! = answer target breached (hatched part)   F = flood window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures as of {0}. Times are measured from when the centre received the alarm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms per 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms by kind, priority and outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome (closed alarms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load per operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} done, {1} cancelled, {2} overdue, {3} pending so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} done, {1} cancelled, {2} overdue, {3} pending at shift end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERDUE callbacks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ADDENDUM after sign-off — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open now, the shift is still on ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open at shift end ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {0} more (see the CSV export).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift lead: {0} (signed off {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverView</name>
    <message>
        <source>Handover</source>
        <extracomment>(at, operator, text, addendum) (lead, at) shift id, note text shift id, &quot;pdf&quot; | &quot;csv&quot;, path</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover figures</source>
        <extracomment>times are shown in the schedule&apos;s zone (the shift&apos;s own wall clock) asks for a file path to export to; replaceable (tests): (kind, suggested) -&gt; path</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next shift ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to claim (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed within 60 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed within 180 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to close (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms per 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for the next shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign off handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 - %2 (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 done · %2 cancelled · %3 still pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n from earlier shifts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>all from this shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>peak %n / 10 min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n operator</numerusform>
            <numerusform>%n operators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flood period(s)</source>
        <translation>
            <numerusform>%n flood period</numerusform>
            <numerusform>%n flood periods</numerusform>
        </translation>
    </message>
    <message>
        <source>(no outcome)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n past answer target</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unclaimed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed event(s) set aside</source>
        <translation>
            <numerusform>%n feed event set aside</numerusform>
            <numerusform>%n feed events set aside</numerusform>
        </translation>
    </message>
    <message>
        <source>90th percentile %1 · max %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target %1 met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target %1 NOT met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No flood periods (more than 10 alarms per operator in 10 minutes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1-%2: %n alarm(s)</source>
        <translation>
            <numerusform>%1-%2: %n alarm</numerusform>
            <numerusform>%1-%2: %n alarms</numerusform>
        </translation>
    </message>
    <message>
        <source>Flood periods: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addendum after sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed off. Notes can be added until the shift lead signs the handover off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a shift lead signs off the handover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed off by %1 at %2 — frozen. Later notes are added as addenda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export handover</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverWindow</name>
    <message>
        <source>Handover — Operator Desk</source>
        <extracomment>the window&apos;s size when the screen has room (else the screen&apos;s available size) how long the &quot;Confirm sign-off&quot; state lasts before the button falls back (ms) kind (&quot;pdf&quot; | &quot;csv&quot;), path: a file was written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing off freezes the handover of this shift; later notes become addenda. Click “Confirm sign-off” to sign off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign off handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover exported (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalStatsSection</name>
    <message>
        <source>Journal to VKP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noisiest devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noisiest patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False alarms by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heartbeat gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting, %2 failed, %3 delivered; oldest undelivered: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False alarms: %1 of decided alarms. Technical faults: %2 of decided alarms. Technical alarms (battery, offline, tamper): %3 of all alarms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ongoing)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Assistance call</source>
        <extracomment>queue items that are not device alarms: a yellow/red home measurement to review, and a scheduled callback that fell due (kinds written by the store, not by the feed) an alarm from the feed that could not be read or stored, and measurements that could not be read: items the desk makes so that nothing it received is only a line in a log</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left safe zone (GPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of bed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device battery low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device tampered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable alarm from the feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>presence (responder on site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed at source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home care dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next of kin contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GP or legevakt contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency 113</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient not known</source>
        <extracomment>outcomes in the order they are offered (Alt+1 .. Alt+7)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown patient %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Norwegian Bokmål</source>
        <extracomment>languages a Norwegian centre meets, named in the desk&apos;s language (&quot;nordsamisk&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Norwegian Nynorsk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Northern Sami</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lule Sami</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Southern Sami</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lithuanian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tigrinya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LatestValuesTable</name>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadActions</name>
    <message>
        <source>Lock the screen</source>
        <extracomment>asks a question; returns the answer, or None when cancelled (tests answer directly)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the screen (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the claim to another operator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen the alarm selected in today&apos;s log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shift lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account to take alarm %1 (empty: back to the queue):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen the alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is alarm %1 reopened? (kept in the log)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>The desk is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as another operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked by %1. Only the alarm counts are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n high alarm(s) waiting</source>
        <translation>
            <numerusform>%n high alarm waiting</numerusform>
            <numerusform>%n high alarms waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Operator Desk — %1 @ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <extracomment>how long an informational banner stays (ms); warnings and errors stay until dismissed the age column and the status countdown tick this often (ms) the window&apos;s size on a screen with room for it (smaller screens: their available size)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s log, reviews and callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms closed today (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients with yellow or red home measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled callbacks: overdue, due, upcoming, done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim this alarm so no colleague handles it twice (Enter on the queue, then Space). F2 or Ctrl+Space claims the most urgent alarm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alarm you had selected was closed by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unclaimed alarms in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasurementListModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasurementsPanel</name>
    <message>
        <source>NEWS2 (supplementary): not available</source>
        <extracomment>so the colour codes of the series contract and the widgets&apos; levels stay the same</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 (supplementary): not enough values (%1 of 7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 (supplementary): at least %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 (supplementary): %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO2 scale 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oxygen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>air</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 is validated for adults in hospital, not for home measurements. It is shown as a supplement and never replaces the triage colour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends and measurement list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in own window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the trends in a large window of their own; it follows the selected patient (Esc closes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient selected.</source>
        <extracomment>what the plots show, so the trend window shows the same when it opens</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading measurements…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No home measurements for this patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No measurements to plot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEWS2 and latest values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shaded: each line&apos;s normal range, lighter: yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal ≤ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal ≥ %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParameterLabels</name>
    <message>
        <source>Blood pressure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: not a measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: no id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: no patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: no parameter code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: ambiguous parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: cancelled or entered in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: no measurement time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: invalid measurement time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: value not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: value is a limit (&lt;, &gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: no unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: unknown unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: conflicting units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: physically impossible value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: diastolic not below systolic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>air/oxygen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>systolic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pulse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consciousness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low-medium (one parameter scores 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts in call order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alarm selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed has sent no details for this patient. Identify the caller on the phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (age %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfDevices</name>
    <message>
        <source>Journal to VKP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} waiting, {1} failed, {2} delivered; oldest undelivered: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False alarms: {0} of decided alarms. Technical faults: {1} of decided alarms. Technical alarms (battery, offline, tamper): {2} of all alarms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noisiest devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False alarms by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heartbeat gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ongoing)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueHeading</name>
    <message>
        <source>Alarm queue — %1 open, %2 not claimed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it moves (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the callback moves.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewListModel</name>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deviations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Measurements to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open yellow or red measurements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 red, %2 yellow</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewsController</name>
    <message>
        <source>Review (%1)</source>
        <extracomment>review items changed: reload the review list after this quiet time (ms) how long an informational banner stays (ms) the number of review items listed changed (or was loaded) a review item was activated and is now selected in the queue text, banner level, timeout in ms</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This review item is no longer in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleCallbackDialog</name>
    <message>
        <source>Schedule callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why call back (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts. Try again in 15 minutes, or ask an administrator to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts exist yet. Create the first administrator with: operator-app accounts add --role admin NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account does not handle alarms (administrator). Sign in with a nurse or shift lead account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in could not be checked (the database does not answer). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your directory account is in no group of this centre. Ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The centre&apos;s directory cannot be reached. Try again, or call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory connection is not encrypted; sign-in is refused. Call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was refused (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Operator Desk — sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start-up step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayLogModel</name>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayLogView</name>
    <message>
        <source>Today&apos;s log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <source>24 h</source>
        <extracomment>the range key chosen by a button: &quot;24h&quot;, &quot;7d&quot;, &quot;30d&quot;, &quot;90d&quot; or &quot;all&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag or arrow keys: pan · wheel or +/-: zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend plots</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendWindow</name>
    <message>
        <source>Home measurements — trends</source>
        <extracomment>the window takes this share of the screen&apos;s free area</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TriagePanel</name>
    <message>
        <source>Alarm and triage</source>
        <extracomment>alarm id, Outcome, note patient id: schedule a callback to this patient queue item id of a callback: mark it done / move it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim this alarm so no colleague handles it twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the alarm back to the queue (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record how the callback went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the callback to a later time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule a call back to this patient (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done, whom you called, what was agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule callback… (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close alarm (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close with the chosen outcome and note (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an alarm in the queue, or press F2 to claim the most urgent one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not claimed: claim it before you act.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another operator is handling this alarm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim the alarm to close it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an outcome (Alt+1…7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim (Enter, Space)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserErrors</name>
    <message>
        <source>cannot reach the feed server</source>
        <extracomment>a few words for the status bar (what is wrong, no advice)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed refused this desk&apos;s token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed&apos;s certificate is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed address is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed server did not let the desk in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data from the feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed server reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feed sent data out of order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the desk cannot save to its database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an internal error in the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a problem with the feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk cannot reach the feed server. Check the network; the desk keeps trying. If it lasts more than a few minutes, call IT support.</source>
        <extracomment>the whole sentence: what happened and what to do (``%1``: a value named in it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed server refused this desk&apos;s token. Ask IT support for a new token; the desk asks for it at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed server&apos;s certificate is not trusted, so the desk will not connect. Call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed address in the settings is not valid. Ask IT support to correct it (the setting feed_url).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed server did not let the desk in. The desk keeps trying; if it lasts, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed has sent nothing for a while. The desk reconnects by itself; if it lasts, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed server reported an error. The desk keeps trying; if it lasts, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed sent data out of order; the desk reconnects. If it repeats, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk cannot save to its database. Call IT support now, and note your decisions on paper until it works again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An internal error stopped the feed. Restart the desk; if it happens again, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is a problem with the feed. If it lasts, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database address in the settings names a kind of database the desk cannot use. Ask IT support to correct it (the setting db_url: sqlite:/// or postgresql+psycopg://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk cannot connect to the database server. Check the network; if it is working, the server may be down or the address or user name in the settings wrong: call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk cannot open its database. Call IT support and give them the details below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk cannot read its feed token file. Check that the file exists and only your user may read it, or call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A setting is not valid, so the desk does not start. Ask IT support to correct the setting named in the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language setting &quot;%1&quot; is not a language the desk speaks. Choose nb (norsk bokmål), nn (norsk nynorsk) or en (English) in the settings file or in OPERATOR_APP_LANGUAGE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That was not saved: the database cannot be reached. Try again in a moment; if it lasts, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be reached. Your decision is kept on this desk and saved when the database is back; do not enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback was not saved. Try again; if it fails again, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The callback was not changed: it may have been changed at another desk first. Look at the callback list again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note was not saved. Copy your text, try again, and if it fails call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handover was not signed: only a shift lead may sign it, and only once. Ask the shift lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong in the desk, and what you just did may not have been saved. Check it; if it happens again, call IT support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_SheetDialog</name>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>%1 (unknown kind)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
