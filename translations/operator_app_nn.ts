<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nn_NO">
<context>
    <name>AlarmCommands</name>
    <message>
        <source>Claim another alarm?</source>
        <extracomment>how long the &quot;alarm closed&quot; line stays (ms) AlarmView the database returned with a command&apos;s result (the desk applies it) text, banner level, timeout in ms (0: until dismissed) alarm id -&gt; the open items this operator holds that claiming it should name first (``domain.queue.claims_to_confirm``); () claims without asking the question open now, if any (one at a time) command name -&gt; the alarm it was last sent for (a failure may carry no alarm)</extracomment>
        <translation>Ta ein alarm til?</translation>
    </message>
    <message numerus="yes">
        <source>You already hold %n open alarm(s):</source>
        <translation>
            <numerusform>Du har alt %n open alarm:</numerusform>
            <numerusform>Du har alt %n opne alarmar:</numerusform>
        </translation>
    </message>
    <message>
        <source>Claim this one too? Close or release the other first if a colleague should take it.</source>
        <translation>Ta denne òg? Lukk eller slepp den andre først om ein kollega skal ta han.</translation>
    </message>
    <message>
        <source>Claim it too</source>
        <translation>Ta han òg</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Alarm closed: %1 — %2</source>
        <translation>Alarm lukka: %1 — %2</translation>
    </message>
    <message>
        <source>Already claimed by %1</source>
        <translation>Allereie teken av %1</translation>
    </message>
    <message>
        <source>Already claimed by another operator</source>
        <translation>Allereie teken av ein annan operatør</translation>
    </message>
    <message>
        <source>You do not hold the claim on this alarm any more.</source>
        <translation>Du har ikkje lenger denne alarmen.</translation>
    </message>
    <message>
        <source>Already closed by %1</source>
        <translation>Allereie lukka av %1</translation>
    </message>
    <message>
        <source>This alarm is already closed.</source>
        <translation>Denne alarmen er allereie lukka.</translation>
    </message>
    <message>
        <source>This alarm is not known to the database.</source>
        <translation>Denne alarmen finst ikkje i databasen.</translation>
    </message>
    <message>
        <source>The database cannot be reached. Your %1 is kept on this workstation and will be sent when it is back.</source>
        <translation>Databasen er ikkje tilgjengeleg. Handlinga («%1») er lagra på denne arbeidsstasjonen og blir send når databasen er tilbake.</translation>
    </message>
    <message>
        <source>The %1 did not succeed.</source>
        <translation>Handlinga («%1») lukkast ikkje.</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>ta alarm</translation>
    </message>
    <message>
        <source>release</source>
        <translation>slepp alarm</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>lukk alarm</translation>
    </message>
</context>
<context>
    <name>AlarmDetails</name>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Stad</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Eining</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Utløyst</translation>
    </message>
    <message>
        <source>Device updates</source>
        <translation>Frå eininga</translation>
    </message>
    <message>
        <source>In this row</source>
        <translation>I denne rada</translation>
    </message>
    <message>
        <source>Deviations</source>
        <translation>Avvik</translation>
    </message>
    <message>
        <source>No alarm selected</source>
        <translation>Ingen alarm vald</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (+%n til)</numerusform>
            <numerusform> (+%n til)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>Loading deviations…</source>
        <translation>Lastar avvik…</translation>
    </message>
    <message>
        <source>%1 · received %2</source>
        <translation>%1 · motteke %2</translation>
    </message>
    <message>
        <source>time not given by the device · received %1</source>
        <translation>tid ikkje oppgjeven av eininga · motteken %1</translation>
    </message>
    <message numerus="yes">
        <source>Closing this row closes all %n alarms with one decision.</source>
        <translation>
            <numerusform>Lukkar du denne rada, vert %n alarm lukka med éi avgjerd.</numerusform>
            <numerusform>Lukkar du denne rada, vert alle %n alarmane lukka med éi avgjerd.</numerusform>
        </translation>
    </message>
    <message>
        <source>No deviations recorded.</source>
        <translation>Ingen avvik registrerte.</translation>
    </message>
</context>
<context>
    <name>AlarmQueueModel</name>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ventar</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Pasient</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Claimed by %1</source>
        <extracomment>every role whose value an update may change, except ``SortKeyRole``: a ``dataChanged`` with these roles tells the proxy that the row keeps its place in the queue. what an Age cell shows and how, repainted when the overdue state changes roles whose value the clock changes in any column (never kept between repaints) the mark in front of an overdue waiting time rows are in queue order (AlarmQueueProxy passes it through instead of sorting) ids that entered the queue in one ``apply`` (for ``bridge.mark_shown``) ids that left the queue in one ``apply`` (closed) id -&gt; (the view the values were made from, (column, role) -&gt; value): a repaint asks every visible cell again, and most rows did not change since the last one</extracomment>
        <translation>Teken av %1</translation>
    </message>
    <message>
        <source> · device: %1</source>
        <translation> · eining: %1</translation>
    </message>
    <message>
        <source>Closed at source</source>
        <translation>Lukka ved kjelda</translation>
    </message>
    <message>
        <source>Updated at device: %1</source>
        <translation>Oppdatert på eininga: %1</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukka</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Unknown alarm kind: %1</source>
        <translation>Ukjend alarmtype: %1</translation>
    </message>
    <message>
        <source>Waiting since %1</source>
        <translation>Ventar sidan %1</translation>
    </message>
    <message>
        <source>Past its answer target by %1</source>
        <translation>Over svarfristen med %1</translation>
    </message>
</context>
<context>
    <name>AlarmQueueView</name>
    <message>
        <source>Alarm queue</source>
        <extracomment>the selected alarm id, or None when nothing is selected Enter/Return (or double click) on an alarm: open its triage panel how many new alarms are scrolled out of sight above</extracomment>
        <translation>Alarmkø</translation>
    </message>
    <message>
        <source>▲ 1 new alarm above</source>
        <translation>▲ 1 ny alarm over</translation>
    </message>
    <message numerus="yes">
        <source>▲ %n new alarms above</source>
        <translation>
            <numerusform>▲ %n ny alarm over</numerusform>
            <numerusform>▲ %n nye alarmar over</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the top of the queue</source>
        <translation>Vis toppen av køen</translation>
    </message>
</context>
<context>
    <name>AlertController</name>
    <message>
        <source>%1 — %2</source>
        <extracomment>Ctrl+M pauses alarm sounds this long (s) an alert strip line: (&quot;overdue&quot; | &quot;reminder&quot;, alarm id) the sound&apos;s state changed (available, paused, or the time left): show it again what the escalation line counts: (&quot;overdue&quot;, queue row id) -&gt; the overdue alarm&apos;s id; (&quot;reminder&quot;, alarm id) -&gt; the same id</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>High alarm waiting %1 — past its %2 s target: %3</source>
        <translation>Høg alarm har venta %1 — over svarfristen på %2 s: %3</translation>
    </message>
    <message>
        <source>You claimed %1 %2 min ago; close it or release it.</source>
        <translation>Du tok %1 for %2 min sidan; lukk eller slepp han.</translation>
    </message>
    <message numerus="yes">
        <source>%n high alarm(s) past the answer target</source>
        <translation>
            <numerusform>%n høg alarm over svarfristen</numerusform>
            <numerusform>%n høge alarmar over svarfristen</numerusform>
        </translation>
    </message>
    <message>
        <source>oldest waiting %1</source>
        <translation>eldste har venta %1</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) held long: close or release</source>
        <translation>
            <numerusform>%n alarm teken lenge: lukk eller slepp</numerusform>
            <numerusform>%n alarmar tekne lenge: lukk eller slepp</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Feed token</source>
        <extracomment>after the main window stands, the start-up heap is collected once and frozen (gc_policy)</extracomment>
        <translation>Token for alarmmottak</translation>
    </message>
    <message>
        <source>Token for the feed %1:</source>
        <translation>Token for alarmmottaket %1:</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Opnar databasen…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Loggar inn…</translation>
    </message>
    <message>
        <source>Loading the desk…</source>
        <translation>Lastar desken…</translation>
    </message>
    <message>
        <source>Demo: signed in automatically as the demo nurse “%1”. The demo shift lead is “%2” (password %3), e.g. to sign off the handover from the lock screen (Ctrl+Alt+L).</source>
        <translation>Demo: logga inn automatisk som demosjukepleiar «%1». Demovaktleiar er «%2» (passord %3), t.d. for å signere vaktrapporten frå låseskjermen (Ctrl+Alt+L).</translation>
    </message>
</context>
<context>
    <name>AttentionController</name>
    <message>
        <source>Operator Desk</source>
        <translation>Operatørpult</translation>
    </message>
    <message>
        <source>New high alarm: %1 (%2 waiting)</source>
        <translation>Ny høg alarm: %1 (%2 ventar)</translation>
    </message>
    <message>
        <source>New high alarms (%3): %1 (%2 waiting)</source>
        <translation>Nye høge alarmar (%3): %1 (%2 ventar)</translation>
    </message>
    <message>
        <source>Operator Desk — no high alarms waiting</source>
        <translation>Operatørpult — ingen høge alarmar ventar</translation>
    </message>
    <message>
        <source>Operator Desk — high alarms waiting: %1</source>
        <translation>Operatørpult — høge alarmar som ventar: %1</translation>
    </message>
</context>
<context>
    <name>CallbackLabels</name>
    <message>
        <source>Reached, all well</source>
        <extracomment>outcomes in the order they are offered</extracomment>
        <translation>Fekk kontakt, alt i orden</translation>
    </message>
    <message>
        <source>Reached, follow-up needed</source>
        <translation>Fekk kontakt, treng oppfølging</translation>
    </message>
    <message>
        <source>Not reached, will retry</source>
        <translation>Ikkje fått kontakt, prøver att</translation>
    </message>
    <message>
        <source>Not reached, escalated</source>
        <translation>Ikkje fått kontakt, eskalert</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avlyst</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Over tida</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Komande</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Utført</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 t %2 min</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>%1 over tida</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>No</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>Om %1</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>kven som helst</translation>
    </message>
</context>
<context>
    <name>CallbacksController</name>
    <message numerus="yes">
        <source>%n overdue</source>
        <extracomment>callbacks are reloaded this often (ms), besides after every callback command how long an informational banner stays (ms) list[Callback], after each load text, banner level, timeout in ms (0: until dismissed) the open callback dialog (kept so tests and the window can reach it)</extracomment>
        <translation>
            <numerusform>%n over tida</numerusform>
            <numerusform>%n over tida</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due</source>
        <translation>
            <numerusform>%n no</numerusform>
            <numerusform>%n no</numerusform>
        </translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Tilbakeringingar</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Select an alarm or a patient first, then schedule the callback.</source>
        <translation>Vel ein alarm eller ein pasient først, og planlegg så tilbakeringinga.</translation>
    </message>
    <message>
        <source>Callback to %1 scheduled for %2.</source>
        <translation>Tilbakeringing til %1 planlagd %2.</translation>
    </message>
    <message>
        <source>The callback details are still loading. Try again in a moment, or close the item with an outcome and a note.</source>
        <translation>Detaljane for tilbakeringinga blir framleis lasta. Prøv att om litt, eller lukk ho med utfall og notat.</translation>
    </message>
</context>
<context>
    <name>CallbacksModel</name>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Pasient</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Kven</translation>
    </message>
    <message>
        <source>Outcome / note</source>
        <translation>Utfall / notat</translation>
    </message>
    <message numerus="yes">
        <source>(moved %nx)</source>
        <translation>
            <numerusform>(flytta %nx)</numerusform>
            <numerusform>(flytta %nx)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2 by %3: %4</source>
        <translation>%1 → %2 av %3: %4</translation>
    </message>
    <message>
        <source>Closed by %1 at %2</source>
        <translation>Lukka av %1 kl. %2</translation>
    </message>
    <message>
        <source>Scheduled by %1 at %2</source>
        <translation>Planlagd av %1 kl. %2</translation>
    </message>
</context>
<context>
    <name>CallbacksView</name>
    <message>
        <source>Callbacks</source>
        <extracomment>patient id of the selected callback, or None (the caller asks for a patient) callback id, new due (aware UTC datetime), why callback id, CallbackOutcome, note patient id of the activated row (double-click / Enter): open the patient
----------
the open dialog, kept so tests (and the window) can reach it</extracomment>
        <translation>Tilbakeringingar</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Show callbacks</source>
        <translation>Vis tilbakeringingar</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Due &amp; overdue</source>
        <translation>No og over tida</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Komande</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Utført</translation>
    </message>
    <message>
        <source>Callbacks list</source>
        <translation>Liste over tilbakeringingar</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Planlegg…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Flytt…</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>Utført…</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n overdue</source>
        <translation>
            <numerusform>⚠ %n over tida</numerusform>
            <numerusform>⚠ %n over tida</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due</source>
        <translation>
            <numerusform>%n no</numerusform>
            <numerusform>%n no</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n upcoming</source>
        <translation>
            <numerusform>%n komande</numerusform>
            <numerusform>%n komande</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n utført</numerusform>
            <numerusform>%n utførte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompleteCallbackDialog</name>
    <message>
        <source>Callback done</source>
        <translation>Tilbakeringing utført</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>What was said or done</source>
        <translation>Kva vart sagt eller gjort</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Choose an outcome.</source>
        <translation>Vel eit utfall.</translation>
    </message>
    <message>
        <source>Say in the note why the callback is cancelled.</source>
        <translation>Skriv i notatet kvifor tilbakeringinga blir avlyst.</translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>Claim the most urgent alarm</source>
        <translation>Ta den mest hastande alarmen</translation>
    </message>
    <message>
        <source>Release the alarm</source>
        <translation>Slepp alarmen</translation>
    </message>
    <message>
        <source>Close the alarm</source>
        <translation>Lukk alarmen</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Utfall: %1</translation>
    </message>
    <message>
        <source>Write a note</source>
        <translation>Skriv eit notat</translation>
    </message>
    <message>
        <source>Today&apos;s log</source>
        <translation>Dagens logg</translation>
    </message>
    <message>
        <source>Back to the queue</source>
        <translation>Tilbake til køen</translation>
    </message>
    <message>
        <source>Open the selected alarm</source>
        <translation>Opne vald alarm</translation>
    </message>
    <message>
        <source>Schedule callback…</source>
        <translation>Planlegg tilbakeringing…</translation>
    </message>
    <message>
        <source>Pause sound for 2 minutes</source>
        <translation>Pause lyden i 2 minutt</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Vaktrapport</translation>
    </message>
    <message>
        <source>Measurements to review</source>
        <translation>Målingar til gjennomgang</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Tilbakeringingar</translation>
    </message>
    <message>
        <source>&amp;Alarm</source>
        <translation>&amp;Alarm</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Snøggtastar</translation>
    </message>
    <message>
        <source>Claim the most urgent unclaimed alarm</source>
        <translation>Ta den mest hastande ledige alarmen</translation>
    </message>
    <message>
        <source>F2, Ctrl+Space</source>
        <translation>F2, Ctrl+Mellomrom</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>Pil opp, Pil ned</translation>
    </message>
    <message>
        <source>Move in the queue</source>
        <translation>Flytt deg i køen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Open the triage panel of the selected alarm</source>
        <translation>Opne triagepanelet for vald alarm</translation>
    </message>
    <message>
        <source>Alt+1 … Alt+7</source>
        <translation>Alt+1 … Alt+7</translation>
    </message>
    <message>
        <source>Choose the outcome</source>
        <translation>Vel utfall</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Close the alarm (claimed by you, outcome chosen)</source>
        <translation>Lukk alarmen (teken av deg, utfall valt)</translation>
    </message>
    <message>
        <source>F3</source>
        <translation>F3</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Schedule a callback to the selected patient</source>
        <translation>Planlegg tilbakeringing til vald pasient</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Pause alarm sounds for 2 minutes / resume</source>
        <translation>Pause alarmlyden i 2 minutt / slå på att</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>Handover (own window)</source>
        <translation>Vaktrapport (eige vindauge)</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Resume sound</source>
        <translation>Slå på lyden att</translation>
    </message>
</context>
<context>
    <name>DeskLayout</name>
    <message>
        <source>Home measurements</source>
        <extracomment>below this height the measurements part shows the latest values as a tab, not above the plots (heading, NEWS2, six latest values and one 150 px plot need about 480 px)</extracomment>
        <translation>Heimemålingar</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>INSECURE (ws://)</source>
        <extracomment>how many bad-frame reasons the tooltip keeps</extracomment>
        <translation>USIKKER (ws://)</translation>
    </message>
    <message>
        <source>The feed connection is not encrypted (ws://). Patient data travels in clear text.</source>
        <translation>Sambandet til alarmmottaket er ikkje kryptert (ws://). Pasientdata blir sende i klartekst.</translation>
    </message>
    <message>
        <source>Operator: %1 @ %2</source>
        <translation>Operatør: %1 @ %2</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Ikkje tilkopla</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Demo: simulated alarms and patients, not real ones.</source>
        <translation>Demo: simulerte alarmar og pasientar, ikkje ekte.</translation>
    </message>
    <message>
        <source>No connection status received yet</source>
        <translation>Ingen tilkoplingsstatus motteken enno</translation>
    </message>
    <message>
        <source>SOUND PAUSED %1</source>
        <translation>LYD AV %1</translation>
    </message>
    <message>
        <source>SOUND PAUSED %1 · Audio unavailable</source>
        <translation>LYD AV %1 · Ingen lyd</translation>
    </message>
    <message>
        <source>Alarm sounds are paused; alarms still flash. Ctrl+M resumes.</source>
        <translation>Alarmlyden er sett på pause; alarmar blinkar framleis. Ctrl+M slår lyden på att.</translation>
    </message>
    <message>
        <source>Audio unavailable — visual signals only</source>
        <translation>Ingen lyd — berre visuelle signal</translation>
    </message>
    <message>
        <source>No sound device: alarms are shown and flash, but make no sound.</source>
        <translation>Inga lydeining: alarmar blir viste og blinkar, men gir ingen lyd.</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Lyd på</translation>
    </message>
    <message>
        <source>Ctrl+M pauses alarm sounds for 2 minutes.</source>
        <translation>Ctrl+M set alarmlyden på pause i 2 minutt.</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Tilkopla</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Koplar til</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>FORSEINKA</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Koplar til att</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEILA</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stoppa</translation>
    </message>
    <message>
        <source>Last heard: %1</source>
        <translation>Sist høyrt frå: %1</translation>
    </message>
    <message>
        <source>stream %1 · seq %2</source>
        <translation>straum %1 · sekv. %2</translation>
    </message>
    <message>
        <source>lag %1</source>
        <translation>forseinking %1</translation>
    </message>
    <message>
        <source>backlog %1</source>
        <translation>kø %1</translation>
    </message>
    <message>
        <source>retry in %1 s</source>
        <translation>nytt forsøk om %1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) set aside</source>
        <translation>
            <numerusform>%n hending sett til sides</numerusform>
            <numerusform>%n hendingar sette til sides</numerusform>
        </translation>
    </message>
    <message>
        <source>Feed events the desk could not apply. They are kept with their frames and counted in the handover; an alarm among them is in the queue as an unreadable alarm.</source>
        <translation>Hendingar frå mottaket som pulten ikkje kunne leggje inn. Dei er tekne vare på med rammene sine og vert talde i vaktrapporten; ein alarm blant dei står i køen som uleseleg alarm.</translation>
    </message>
    <message>
        <source>bad frames %1</source>
        <translation>feil meldingar %1</translation>
    </message>
    <message>
        <source>Last rejected frames:</source>
        <translation>Siste avviste meldingar:</translation>
    </message>
    <message>
        <source>Frames rejected by the decoder</source>
        <translation>Meldingar avviste av dekodaren</translation>
    </message>
</context>
<context>
    <name>DialogKeys</name>
    <message>
        <source>Ctrl+Enter</source>
        <extracomment>both Enter keys: the main keyboard&apos;s Return and the keypad&apos;s Enter</extracomment>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>DueTimePicker</name>
    <message numerus="yes">
        <source>+%n min</source>
        <extracomment>quick choices offered for the due time, in minutes from now</extracomment>
        <translation>
            <numerusform>+%n min</numerusform>
            <numerusform>+%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n h</source>
        <translation>
            <numerusform>+%n t</numerusform>
            <numerusform>+%n t</numerusform>
        </translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Anna…</translation>
    </message>
    <message>
        <source>Custom due time (local time)</source>
        <translation>Valfritt tidspunkt (lokal tid)</translation>
    </message>
    <message>
        <source>Due at %1 (local time)</source>
        <translation>Frist %1 (lokal tid)</translation>
    </message>
    <message>
        <source>The time is in the past</source>
        <translation>Tidspunktet har passert</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Details</source>
        <translation>Detaljar</translation>
    </message>
    <message>
        <source>Show the technical details</source>
        <translation>Vis dei tekniske detaljane</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Tekniske detaljar</translation>
    </message>
</context>
<context>
    <name>EscalationLine</name>
    <message>
        <source>Every overdue alarm; choose one to select it</source>
        <extracomment>background, text, border per level (the severity colours of the queue&apos;s priority chips) lines named in the summary&apos;s tooltip (the rest is counted; the full list is the menu) one line of the full list: (alarm id, text) the operator dismissed the line (it comes back with the next overdue alarm) an alarm was chosen from the full list: select it in the queue</extracomment>
        <translation>Alle alarmar over fristen; vel ein for å merke han i køen</translation>
    </message>
    <message>
        <source>Dismiss (it comes back with the next overdue alarm)</source>
        <translation>Lukk (kjem tilbake ved neste alarm over fristen)</translation>
    </message>
    <message>
        <source>Dismiss the escalation line</source>
        <translation>Lukk eskaleringslinja</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Eskalering</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… og %1 til</translation>
    </message>
    <message>
        <source>Show all (%1) ▾</source>
        <translation>Vis alle (%1) ▾</translation>
    </message>
</context>
<context>
    <name>FeedWarning</name>
    <message>
        <source>Feed %1. New alarms are NOT arriving.</source>
        <translation>Alarmmottak %1. Nye alarmar kjem IKKJE inn.</translation>
    </message>
    <message>
        <source>Feed stopped. New alarms are NOT arriving.</source>
        <translation>Alarmmottak stoppa. Nye alarmar kjem IKKJE inn.</translation>
    </message>
    <message>
        <source>Feed %1: the queue may be incomplete until the connection is back.</source>
        <translation>Alarmmottak %1: køen kan vere ufullstendig til sambandet er tilbake.</translation>
    </message>
</context>
<context>
    <name>GroupLabels</name>
    <message numerus="yes">
        <source>%n further alarm(s) from this patient in this row; each is kept, and closing the row closes them all with one decision.</source>
        <translation>
            <numerusform>%n alarm til frå denne pasienten i denne rada; kvar alarm vert teken vare på, og lukkar du rada, vert alle lukka med éi avgjerd.</numerusform>
            <numerusform>%n alarmar til frå denne pasienten i denne rada; kvar alarm vert teken vare på, og lukkar du rada, vert alle lukka med éi avgjerd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1  +%n (%2)</source>
        <translation>
            <numerusform>%1  +%n (%2)</numerusform>
            <numerusform>%1  +%n (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverChart</name>
    <message>
        <source>Alarms per 10 minutes</source>
        <translation>Alarmar per 10 minutt</translation>
    </message>
    <message numerus="yes">
        <source>Highest: %n alarm(s) in 10 minutes</source>
        <translation>
            <numerusform>Høgast: %n alarm på 10 minutt</numerusform>
            <numerusform>Høgast: %n alarmar på 10 minutt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) past the answer target</source>
        <translation>
            <numerusform>%n alarm over svarfristen</numerusform>
            <numerusform>%n alarmar over svarfristen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flood period(s)</source>
        <translation>
            <numerusform>%n toppbelastningsperiode</numerusform>
            <numerusform>%n toppbelastningsperiodar</numerusform>
        </translation>
    </message>
    <message>
        <source>No alarms to show</source>
        <translation>Ingen alarmar å vise</translation>
    </message>
    <message>
        <source>now</source>
        <translation>no</translation>
    </message>
    <message>
        <source>alarms received</source>
        <translation>alarmar mottekne</translation>
    </message>
    <message>
        <source>▲ past answer target</source>
        <translation>▲ over svarfristen</translation>
    </message>
    <message>
        <source>flood (&gt; 10 per operator)</source>
        <translation>toppbelastning (&gt; 10 per operatør)</translation>
    </message>
</context>
<context>
    <name>HandoverPdf</name>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Kveld</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Natt</translation>
    </message>
    <message>
        <source>Alarms received</source>
        <translation>Alarmar mottekne</translation>
    </message>
    <message>
        <source>no alarms</source>
        <translation>ingen alarmar</translation>
    </message>
    <message>
        <source>TARGET MET</source>
        <translation>MÅL NÅDD</translation>
    </message>
    <message>
        <source>TARGET NOT MET</source>
        <translation>MÅL IKKJE NÅDD</translation>
    </message>
    <message>
        <source>Answered within {0} s</source>
        <translation>Svara innan {0} s</translation>
    </message>
    <message>
        <source>{0} ({1} of {2}); target {3}: {4}</source>
        <translation>{0} ({1} av {2}); mål {3}: {4}</translation>
    </message>
    <message>
        <source>Time to claim</source>
        <translation>Svartid</translation>
    </message>
    <message>
        <source>Time to close</source>
        <translation>Tid til lukking</translation>
    </message>
    <message>
        <source>Not claimed at shift end</source>
        <translation>Ikkje tekne ved vaktslutt</translation>
    </message>
    <message>
        <source>Answer-time breaches</source>
        <translation>Brot på svarfristen</translation>
    </message>
    <message>
        <source>Feed events set aside (not applied)</source>
        <translation>Hendingar frå mottaket sette til sides (ikkje lagde inn)</translation>
    </message>
    <message>
        <source>Flood windows (&gt;10 per operator / 10 min)</source>
        <translation>Toppbelastningsperiodar (&gt;10 per operatør / 10 min)</translation>
    </message>
    <message>
        <source>median {0}, 90 % within {1}, longest {2} ({3})</source>
        <translation>median {0}, 90 % innan {1}, lengste {2} ({3})</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s)</source>
        <translation>
            <numerusform>%n alarm</numerusform>
            <numerusform>%n alarmar</numerusform>
        </translation>
    </message>
    <message>
        <source>Not claimed so far</source>
        <translation>Ikkje teke så langt</translation>
    </message>
    <message>
        <source>{0} (busiest window: {1})</source>
        <translation>{0} (travlaste periode: {1})</translation>
    </message>
    <message>
        <source>Open now (the shift is still on)</source>
        <translation>Opne no (vakta går)</translation>
    </message>
    <message>
        <source>Still open at shift end</source>
        <translation>Framleis opne ved vaktslutt</translation>
    </message>
    <message>
        <source>{0} (from earlier shifts: {1})</source>
        <translation>{0} (frå tidlegare vakter: {1})</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Tilbakeringingar</translation>
    </message>
    <message>
        <source>{0} done, {1} cancelled, {2} OVERDUE, {3} pending</source>
        <translation>{0} utført, {1} avlyst, {2} OVER TIDA, {3} står att</translation>
    </message>
    <message>
        <source>Operators on duty</source>
        <translation>Operatørar på vakt</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ingen.</translation>
    </message>
    <message>
        <source>alarms per 10 minutes</source>
        <translation>alarmar per 10 minutt</translation>
    </message>
    <message>
        <source>! = answer target breached (hatched part)   F = flood window</source>
        <translation>! = over svarfristen (skravert del)   F = toppbelastningsperiode</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samandrag</translation>
    </message>
    <message>
        <source>Figures as of {0}. Times are measured from when the centre received the alarm.</source>
        <translation>Tal per {0}. Tidene er målte frå sentralen tok imot alarmen.</translation>
    </message>
    <message>
        <source>Alarms per 10 minutes</source>
        <translation>Alarmar per 10 minutt</translation>
    </message>
    <message>
        <source>Alarms by kind, priority and outcome</source>
        <translation>Alarmar etter type, prioritet og utfall</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmar</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Outcome (closed alarms)</source>
        <translation>Utfall (lukka alarmar)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(utan utfall)</translation>
    </message>
    <message>
        <source>Load per operator</source>
        <translation>Belastning per operatør</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatør</translation>
    </message>
    <message>
        <source>Claimed first</source>
        <translation>Tekne først</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukka</translation>
    </message>
    <message>
        <source>{0} done, {1} cancelled, {2} overdue, {3} pending so far.</source>
        <translation>{0} utførte, {1} avlyste, {2} over tid, {3} att så langt.</translation>
    </message>
    <message>
        <source>{0} done, {1} cancelled, {2} overdue, {3} pending at shift end.</source>
        <translation>{0} utført, {1} avlyst, {2} over tida, {3} står att ved vaktslutt.</translation>
    </message>
    <message>
        <source>OVERDUE callbacks:</source>
        <translation>Tilbakeringingar OVER TIDA:</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Tilbakeringing</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Pasient</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Kven</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>kven som helst</translation>
    </message>
    <message>
        <source>Handover notes</source>
        <translation>Notat til overlevering</translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation>Ingen notat.</translation>
    </message>
    <message>
        <source>ADDENDUM after sign-off — {0}</source>
        <translation>TILLEGG etter signering — {0}</translation>
    </message>
    <message>
        <source>Open now, the shift is still on ({0})</source>
        <translation>Opne no, vakta går ({0})</translation>
    </message>
    <message>
        <source>Still open at shift end ({0})</source>
        <translation>Framleis opne ved vaktslutt ({0})</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>Teken av</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>… and {0} more (see the CSV export).</source>
        <translation>… og {0} til (sjå CSV-eksporten).</translation>
    </message>
    <message>
        <source>Handover {0}</source>
        <translation>Vaktrapport {0}</translation>
    </message>
    <message>
        <source>Shift lead: {0} (signed off {1})</source>
        <translation>Vaktleiar: {0} (signert {1})</translation>
    </message>
    <message>
        <source>Not signed off</source>
        <translation>Ikkje signert</translation>
    </message>
    <message>
        <source>Handover — {0}</source>
        <translation>Vaktrapport — {0}</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>Side {0} av {1}</translation>
    </message>
</context>
<context>
    <name>HandoverView</name>
    <message>
        <source>Handover</source>
        <extracomment>(at, operator, text, addendum) (lead, at) shift id, note text shift id, &quot;pdf&quot; | &quot;csv&quot;, path</extracomment>
        <translation>Vaktrapport</translation>
    </message>
    <message>
        <source>Handover figures</source>
        <extracomment>times are shown in the schedule&apos;s zone (the shift&apos;s own wall clock) asks for a file path to export to; replaceable (tests): (kind, suggested) -&gt; path</extracomment>
        <translation>Tal for vaktrapporten</translation>
    </message>
    <message>
        <source>◀ Previous shift</source>
        <translation>◀ Førre vakt</translation>
    </message>
    <message>
        <source>Shift date</source>
        <translation>Vaktdato</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Vakt</translation>
    </message>
    <message>
        <source>Next shift ▶</source>
        <translation>Neste vakt ▶</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Eksporter CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Eksporter PDF…</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmar</translation>
    </message>
    <message>
        <source>Time to claim (median)</source>
        <translation>Svartid (median)</translation>
    </message>
    <message>
        <source>Claimed within 60 s</source>
        <translation>Teken innan 60 s</translation>
    </message>
    <message>
        <source>Claimed within 180 s</source>
        <translation>Teken innan 180 s</translation>
    </message>
    <message>
        <source>Time to close (median)</source>
        <translation>Tid til lukking (median)</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Tilbakeringingar</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Framleis opne</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Belastning</translation>
    </message>
    <message>
        <source>Alarms per 10 minutes</source>
        <translation>Alarmar per 10 minutt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukka</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatør</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Tekne</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>Etter type</translation>
    </message>
    <message>
        <source>By priority</source>
        <translation>Etter prioritet</translation>
    </message>
    <message>
        <source>By outcome</source>
        <translation>Etter utfall</translation>
    </message>
    <message>
        <source>Per operator</source>
        <translation>Per operatør</translation>
    </message>
    <message>
        <source>Handover notes</source>
        <translation>Notat til overlevering</translation>
    </message>
    <message>
        <source>A note for the next shift</source>
        <translation>Eit notat til neste vakt</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Legg til notat</translation>
    </message>
    <message>
        <source>Sign off handover</source>
        <translation>Signer vaktrapporten</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Kveld</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Natt</translation>
    </message>
    <message>
        <source>%1 - %2 (local time)</source>
        <translation>%1 - %2 (lokal tid)</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n over tida</numerusform>
            <numerusform>%n over tida</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 done · %2 cancelled · %3 still pending</source>
        <translation>%1 utført · %2 avlyst · %3 står att</translation>
    </message>
    <message numerus="yes">
        <source>%n from earlier shifts</source>
        <translation>
            <numerusform>%n frå tidlegare vakter</numerusform>
            <numerusform>%n frå tidlegare vakter</numerusform>
        </translation>
    </message>
    <message>
        <source>all from this shift</source>
        <translation>alle frå denne vakta</translation>
    </message>
    <message numerus="yes">
        <source>peak %n / 10 min</source>
        <translation>
            <numerusform>topp %n / 10 min</numerusform>
            <numerusform>topp %n / 10 min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n operatør</numerusform>
            <numerusform>%n operatørar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flood period(s)</source>
        <translation>
            <numerusform>%n toppbelastningsperiode</numerusform>
            <numerusform>%n toppbelastningsperiodar</numerusform>
        </translation>
    </message>
    <message>
        <source>(no outcome)</source>
        <translation>(utan utfall)</translation>
    </message>
    <message numerus="yes">
        <source>%n past answer target</source>
        <translation>
            <numerusform>%n over svarfristen</numerusform>
            <numerusform>%n over svarfristen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unclaimed</source>
        <translation>
            <numerusform>%n ikkje teken</numerusform>
            <numerusform>%n ikkje tekne</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed event(s) set aside</source>
        <translation>
            <numerusform>%n hending frå mottaket sett til sides</numerusform>
            <numerusform>%n hendingar frå mottaket sette til sides</numerusform>
        </translation>
    </message>
    <message>
        <source>90th percentile %1 · max %2</source>
        <translation>90-persentil %1 · maks %2</translation>
    </message>
    <message>
        <source>no alarms</source>
        <translation>ingen alarmar</translation>
    </message>
    <message>
        <source>target %1 met</source>
        <translation>mål %1 nådd</translation>
    </message>
    <message>
        <source>target %1 NOT met</source>
        <translation>mål %1 IKKJE nådd</translation>
    </message>
    <message>
        <source>No flood periods (more than 10 alarms per operator in 10 minutes).</source>
        <translation>Ingen toppbelastningsperiodar (meir enn 10 alarmar per operatør på 10 minutt).</translation>
    </message>
    <message numerus="yes">
        <source>%1-%2: %n alarm(s)</source>
        <translation>
            <numerusform>%1-%2: %n alarm</numerusform>
            <numerusform>%1-%2: %n alarmar</numerusform>
        </translation>
    </message>
    <message>
        <source>Flood periods: %1</source>
        <translation>Toppbelastningsperiodar: %1</translation>
    </message>
    <message>
        <source>Addendum after sign-off</source>
        <translation>Tillegg etter signering</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Ingen notat enno.</translation>
    </message>
    <message>
        <source>Not signed off. Notes can be added until the shift lead signs the handover off.</source>
        <translation>Ikkje signert. Notat kan leggjast til fram til vaktleiaren signerer vaktrapporten.</translation>
    </message>
    <message>
        <source>Only a shift lead signs off the handover.</source>
        <translation>Berre ein vaktleiar signerer vaktrapporten.</translation>
    </message>
    <message>
        <source>Signed off by %1 at %2 — frozen. Later notes are added as addenda.</source>
        <translation>Signert av %1 kl. %2 — låst. Seinare notat blir lagde til som tillegg.</translation>
    </message>
    <message>
        <source>Add addendum</source>
        <translation>Legg til tillegg</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Export handover</source>
        <translation>Eksporter vaktrapporten</translation>
    </message>
</context>
<context>
    <name>HandoverWindow</name>
    <message>
        <source>Handover — Operator Desk</source>
        <extracomment>the window&apos;s size when the screen has room (else the screen&apos;s available size) how long the &quot;Confirm sign-off&quot; state lasts before the button falls back (ms) kind (&quot;pdf&quot; | &quot;csv&quot;), path: a file was written</extracomment>
        <translation>Vaktrapport — Operatørpult</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Skjul</translation>
    </message>
    <message>
        <source>Signing off freezes the handover of this shift; later notes become addenda. Click “Confirm sign-off” to sign off.</source>
        <translation>Signering låser vaktrapporten for denne vakta; seinare notat blir tillegg. Klikk «Stadfest signering» for å signere.</translation>
    </message>
    <message>
        <source>Confirm sign-off</source>
        <translation>Stadfest signering</translation>
    </message>
    <message>
        <source>Sign off handover</source>
        <translation>Signer vaktrapporten</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Eksporterer %1…</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>PDF-en kunne ikkje skrivast til %1.</translation>
    </message>
    <message>
        <source>Handover exported (%1): %2</source>
        <translation>Vaktrapporten er eksportert (%1): %2</translation>
    </message>
</context>
<context>
    <name>JournalStatsSection</name>
    <message>
        <source>Journal to VKP</source>
        <translation>Journalføring til VKP</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Utstyr</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Eining</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmar</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Pasient</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>False alarms</source>
        <translation>Falske alarmar</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Out of contact</source>
        <translation>Utan kontakt</translation>
    </message>
    <message>
        <source>Noisiest devices</source>
        <translation>Einingar med flest alarmar</translation>
    </message>
    <message>
        <source>Noisiest patients</source>
        <translation>Pasientar med flest alarmar</translation>
    </message>
    <message>
        <source>False alarms by kind</source>
        <translation>Falske alarmar per type</translation>
    </message>
    <message>
        <source>Heartbeat gaps</source>
        <translation>Brot i livsteikn</translation>
    </message>
    <message>
        <source>%1 waiting, %2 failed, %3 delivered; oldest undelivered: %4</source>
        <translation>%1 ventar, %2 feila, %3 levert; eldste ikkje leverte: %4</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Siste feil: %1</translation>
    </message>
    <message>
        <source>False alarms: %1 of decided alarms. Technical faults: %2 of decided alarms. Technical alarms (battery, offline, tamper): %3 of all alarms.</source>
        <translation>Falske alarmar: %1 av avgjorde alarmar. Teknisk feil: %2 av avgjorde alarmar. Tekniske alarmar (batteri, fråkopla, sabotasje): %3 av alle alarmar.</translation>
    </message>
    <message>
        <source>(ongoing)</source>
        <translation>(pågår)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Assistance call</source>
        <extracomment>queue items that are not device alarms: a yellow/red home measurement to review, and a scheduled callback that fell due (kinds written by the store, not by the feed) an alarm from the feed that could not be read or stored, and measurements that could not be read: items the desk makes so that nothing it received is only a line in a log</extracomment>
        <translation>Hjelpeanrop</translation>
    </message>
    <message>
        <source>Fall</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Smoke</source>
        <translation>Røyk</translation>
    </message>
    <message>
        <source>Left safe zone (GPS)</source>
        <translation>Forlate trygg sone (GPS)</translation>
    </message>
    <message>
        <source>No activity</source>
        <translation>Ingen aktivitet</translation>
    </message>
    <message>
        <source>Door open</source>
        <translation>Dør open</translation>
    </message>
    <message>
        <source>Out of bed</source>
        <translation>Ute av senga</translation>
    </message>
    <message>
        <source>Medication missed</source>
        <translation>Medisin ikkje teken</translation>
    </message>
    <message>
        <source>Measurement missed</source>
        <translation>Måling ikkje gjord</translation>
    </message>
    <message>
        <source>Device battery low</source>
        <translation>Lågt batteri i eininga</translation>
    </message>
    <message>
        <source>Device offline</source>
        <translation>Eining fråkopla</translation>
    </message>
    <message>
        <source>Device tampered</source>
        <translation>Eining manipulert</translation>
    </message>
    <message>
        <source>Measurement review</source>
        <translation>Måling til gjennomgang</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Tilbakeringing</translation>
    </message>
    <message>
        <source>Unreadable alarm from the feed</source>
        <translation>Uleseleg alarm frå mottaket</translation>
    </message>
    <message>
        <source>Measurement could not be read</source>
        <translation>Målinga kunne ikkje lesast</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Høg</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Middels</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Låg</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>tilbakestilt</translation>
    </message>
    <message>
        <source>presence (responder on site)</source>
        <translation>til stades (hjelpar på staden)</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>gjenoppretta</translation>
    </message>
    <message>
        <source>closed at source</source>
        <translation>lukka ved kjelda</translation>
    </message>
    <message>
        <source>Resolved by phone</source>
        <translation>Løyst på telefon</translation>
    </message>
    <message>
        <source>Home care dispatched</source>
        <translation>Heimetenesta send</translation>
    </message>
    <message>
        <source>Next of kin contacted</source>
        <translation>Pårørande kontakta</translation>
    </message>
    <message>
        <source>GP or legevakt contacted</source>
        <translation>Fastlege/legevakt kontakta</translation>
    </message>
    <message>
        <source>Emergency 113</source>
        <translation>Naudnummer 113</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>Falsk alarm</translation>
    </message>
    <message>
        <source>Technical fault</source>
        <translation>Teknisk feil</translation>
    </message>
    <message>
        <source>Patient not known</source>
        <extracomment>outcomes in the order they are offered (Alt+1 .. Alt+7)</extracomment>
        <translation>Ukjend pasient</translation>
    </message>
    <message>
        <source>Unknown patient %1</source>
        <translation>Ukjend pasient %1</translation>
    </message>
    <message>
        <source>Norwegian Bokmål</source>
        <extracomment>languages a Norwegian centre meets, named in the desk&apos;s language (&quot;nordsamisk&quot;)</extracomment>
        <translation>norsk bokmål</translation>
    </message>
    <message>
        <source>Norwegian Nynorsk</source>
        <translation>norsk nynorsk</translation>
    </message>
    <message>
        <source>Northern Sami</source>
        <translation>nordsamisk</translation>
    </message>
    <message>
        <source>Lule Sami</source>
        <translation>lulesamisk</translation>
    </message>
    <message>
        <source>Southern Sami</source>
        <translation>sørsamisk</translation>
    </message>
    <message>
        <source>English</source>
        <translation>engelsk</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>svensk</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>dansk</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>finsk</translation>
    </message>
    <message>
        <source>German</source>
        <translation>tysk</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>polsk</translation>
    </message>
    <message>
        <source>Lithuanian</source>
        <translation>litauisk</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>ukrainsk</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>russisk</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>arabisk</translation>
    </message>
    <message>
        <source>Somali</source>
        <translation>somali</translation>
    </message>
    <message>
        <source>Tigrinya</source>
        <translation>tigrinja</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>persisk</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>urdu</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>tyrkisk</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>vietnamesisk</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>thai</translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation>tamil</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>spansk</translation>
    </message>
    <message>
        <source>French</source>
        <translation>fransk</translation>
    </message>
</context>
<context>
    <name>LatestValuesTable</name>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Siste</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Eining</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farge</translation>
    </message>
</context>
<context>
    <name>LeadActions</name>
    <message>
        <source>Lock the screen</source>
        <extracomment>asks a question; returns the answer, or None when cancelled (tests answer directly)</extracomment>
        <translation>Lås skjermen</translation>
    </message>
    <message>
        <source>Lock the screen (%1)</source>
        <translation>Lås skjermen (%1)</translation>
    </message>
    <message>
        <source>Move the claim to another operator…</source>
        <translation>Overfør alarmen til ein annan operatør…</translation>
    </message>
    <message>
        <source>Reopen the alarm selected in today&apos;s log…</source>
        <translation>Opne att alarmen som er vald i dagens logg…</translation>
    </message>
    <message>
        <source>&amp;Shift lead</source>
        <translation>&amp;Vaktleiar</translation>
    </message>
    <message>
        <source>Move the claim</source>
        <translation>Overfør alarmen</translation>
    </message>
    <message>
        <source>Account to take alarm %1 (empty: back to the queue):</source>
        <translation>Konto som skal ta alarm %1 (tomt: attende i køen):</translation>
    </message>
    <message>
        <source>Reopen the alarm</source>
        <translation>Opne alarmen att</translation>
    </message>
    <message>
        <source>Why is alarm %1 reopened? (kept in the log)</source>
        <translation>Kvifor blir alarm %1 opna att? (blir lagra i loggen)</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>The desk is locked</source>
        <translation>Skjermen er låst</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås opp</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brukarnamn</translation>
    </message>
    <message>
        <source>Sign in as another operator</source>
        <translation>Logg inn som ein annan operatør</translation>
    </message>
    <message>
        <source>Another operator</source>
        <translation>Ein annan operatør</translation>
    </message>
    <message>
        <source>Locked by %1. Only the alarm counts are shown.</source>
        <translation>Låst av %1. Berre talet på alarmar blir vist.</translation>
    </message>
    <message numerus="yes">
        <source>%n high alarm(s) waiting</source>
        <translation>
            <numerusform>%n høg alarm ventar</numerusform>
            <numerusform>%n høge alarmar ventar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Operator Desk — %1 @ %2</source>
        <translation>Operatørpult — %1 @ %2</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <extracomment>how long an informational banner stays (ms); warnings and errors stay until dismissed the age column and the status countdown tick this often (ms) the window&apos;s size on a screen with room for it (smaller screens: their available size)</extracomment>
        <translation>Skjul</translation>
    </message>
    <message>
        <source>Today&apos;s log, reviews and callbacks</source>
        <translation>Dagens logg, gjennomgang og tilbakeringingar</translation>
    </message>
    <message>
        <source>Today&apos;s log</source>
        <translation>Dagens logg</translation>
    </message>
    <message>
        <source>Alarms closed today (Ctrl+L)</source>
        <translation>Alarmar lukka i dag (Ctrl+L)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Gjennomgang</translation>
    </message>
    <message>
        <source>Patients with yellow or red home measurements</source>
        <translation>Pasientar med gule eller raude heimemålingar</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Tilbakeringingar</translation>
    </message>
    <message>
        <source>Scheduled callbacks: overdue, due, upcoming, done</source>
        <translation>Planlagde tilbakeringingar: over tida, no, komande, utførte</translation>
    </message>
    <message>
        <source>DEMO — %1</source>
        <translation>DEMO — %1</translation>
    </message>
    <message>
        <source>Claim this alarm so no colleague handles it twice (Enter on the queue, then Space). F2 or Ctrl+Space claims the most urgent alarm.</source>
        <translation>Ta denne alarmen så ingen kollega handterer han to gonger (Enter i køen, så Mellomrom). F2 eller Ctrl+Mellomrom tek den mest hastande alarmen.</translation>
    </message>
    <message>
        <source>The alarm you had selected was closed by %1.</source>
        <translation>Alarmen du hadde valt, vart lukka av %1.</translation>
    </message>
    <message>
        <source>another desk</source>
        <translation>ein annan arbeidsstasjon</translation>
    </message>
    <message>
        <source>No unclaimed alarms in the queue.</source>
        <translation>Ingen ledige alarmar i køen.</translation>
    </message>
</context>
<context>
    <name>MeasurementListModel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Verdi</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Eining</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farge</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kjelde</translation>
    </message>
    <message>
        <source>Received %1</source>
        <translation>Motteke %1</translation>
    </message>
</context>
<context>
    <name>MeasurementsPanel</name>
    <message>
        <source>NEWS2 (supplementary): not available</source>
        <extracomment>so the colour codes of the series contract and the widgets&apos; levels stay the same</extracomment>
        <translation>NEWS2 (tillegg): ikkje tilgjengeleg</translation>
    </message>
    <message>
        <source>NEWS2 (supplementary): not enough values (%1 of 7)</source>
        <translation>NEWS2 (tillegg): for få verdiar (%1 av 7)</translation>
    </message>
    <message>
        <source>NEWS2 (supplementary): at least %1 — %2</source>
        <translation>NEWS2 (tillegg): minst %1 — %2</translation>
    </message>
    <message>
        <source>NEWS2 (supplementary): %1 — %2</source>
        <translation>NEWS2 (tillegg): %1 — %2</translation>
    </message>
    <message>
        <source>SpO2 scale 2</source>
        <translation>SpO2 skala 2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>frå %1</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>manglar: %1</translation>
    </message>
    <message>
        <source>oxygen</source>
        <translation>oksygen</translation>
    </message>
    <message>
        <source>air</source>
        <translation>luft</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Målingar</translation>
    </message>
    <message>
        <source>Home measurements</source>
        <translation>Heimemålingar</translation>
    </message>
    <message>
        <source>NEWS2 is validated for adults in hospital, not for home measurements. It is shown as a supplement and never replaces the triage colour.</source>
        <translation>NEWS2 er validert for vaksne på sjukehus, ikkje for heimemålingar. Han blir vist som eit tillegg og erstattar aldri triagefargen.</translation>
    </message>
    <message>
        <source>Latest values</source>
        <translation>Siste verdiar</translation>
    </message>
    <message>
        <source>Trends and measurement list</source>
        <translation>Trendar og måleliste</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Trendar</translation>
    </message>
    <message>
        <source>Measurement list</source>
        <translation>Måleliste</translation>
    </message>
    <message>
        <source>Open in own window</source>
        <translation>Opne i eige vindauge</translation>
    </message>
    <message>
        <source>Show the trends in a large window of their own; it follows the selected patient (Esc closes it)</source>
        <translation>Vis trendane i eit eige stort vindauge; det følgjer vald pasient (Esc lukkar det)</translation>
    </message>
    <message>
        <source>No patient selected.</source>
        <extracomment>what the plots show, so the trend window shows the same when it opens</extracomment>
        <translation>Ingen pasient vald.</translation>
    </message>
    <message>
        <source>Loading measurements…</source>
        <translation>Lastar målingar…</translation>
    </message>
    <message>
        <source>No home measurements for this patient.</source>
        <translation>Ingen heimemålingar for denne pasienten.</translation>
    </message>
    <message>
        <source>No measurements to plot.</source>
        <translation>Ingen målingar å vise.</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation>Pasient %1</translation>
    </message>
    <message>
        <source>NEWS2 and latest values</source>
        <translation>NEWS2 og siste verdiar</translation>
    </message>
    <message>
        <source>shaded: each line&apos;s normal range, lighter: yellow</source>
        <translation>farga: normalområdet til kvar linje, lysare: gult</translation>
    </message>
    <message>
        <source>normal %1–%2</source>
        <translation>normalt %1–%2</translation>
    </message>
    <message>
        <source>normal ≤ %1</source>
        <translation>normalt ≤ %1</translation>
    </message>
    <message>
        <source>normal ≥ %1</source>
        <translation>normalt ≥ %1</translation>
    </message>
</context>
<context>
    <name>ParameterLabels</name>
    <message>
        <source>Blood pressure</source>
        <translation>Blodtrykk</translation>
    </message>
    <message>
        <source>Systolic</source>
        <translation>Systolisk</translation>
    </message>
    <message>
        <source>Diastolic</source>
        <translation>Diastolisk</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Puls</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>Respiratory rate</source>
        <translation>Respirasjonsfrekvens</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Vekt</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>Blodsukker</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grøn</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Gul</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Raud</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Ikkje vurdert</translation>
    </message>
    <message>
        <source>Rejected: not readable</source>
        <translation>Avvist: ikkje lesbar</translation>
    </message>
    <message>
        <source>Rejected: not a measurement</source>
        <translation>Avvist: ikkje ei måling</translation>
    </message>
    <message>
        <source>Rejected: no id</source>
        <translation>Avvist: manglar id</translation>
    </message>
    <message>
        <source>Rejected: no patient</source>
        <translation>Avvist: manglar pasient</translation>
    </message>
    <message>
        <source>Rejected: no parameter code</source>
        <translation>Avvist: manglar parameterkode</translation>
    </message>
    <message>
        <source>Rejected: ambiguous parameter</source>
        <translation>Avvist: tvetydig parameter</translation>
    </message>
    <message>
        <source>Rejected: cancelled or entered in error</source>
        <translation>Avvist: avlyst eller registrert ved ein feil</translation>
    </message>
    <message>
        <source>Rejected: no measurement time</source>
        <translation>Avvist: manglar måletidspunkt</translation>
    </message>
    <message>
        <source>Rejected: invalid measurement time</source>
        <translation>Avvist: ugyldig måletidspunkt</translation>
    </message>
    <message>
        <source>Rejected: no value</source>
        <translation>Avvist: manglar verdi</translation>
    </message>
    <message>
        <source>Rejected: value not a number</source>
        <translation>Avvist: verdien er ikkje eit tal</translation>
    </message>
    <message>
        <source>Rejected: value is a limit (&lt;, &gt;)</source>
        <translation>Avvist: verdien er ei grense (&lt;, &gt;)</translation>
    </message>
    <message>
        <source>Rejected: no unit</source>
        <translation>Avvist: manglar eining</translation>
    </message>
    <message>
        <source>Rejected: unknown unit</source>
        <translation>Avvist: ukjend eining</translation>
    </message>
    <message>
        <source>Rejected: conflicting units</source>
        <translation>Avvist: motstridande einingar</translation>
    </message>
    <message>
        <source>Rejected: physically impossible value</source>
        <translation>Avvist: fysisk umogleg verdi</translation>
    </message>
    <message>
        <source>Rejected: diastolic not below systolic</source>
        <translation>Avvist: diastolisk ikkje lågare enn systolisk</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Avvist: %1</translation>
    </message>
    <message>
        <source>RR</source>
        <translation>RF</translation>
    </message>
    <message>
        <source>air/oxygen</source>
        <translation>luft/oksygen</translation>
    </message>
    <message>
        <source>systolic</source>
        <translation>systolisk BT</translation>
    </message>
    <message>
        <source>pulse</source>
        <translation>puls</translation>
    </message>
    <message>
        <source>consciousness</source>
        <translation>medvit</translation>
    </message>
    <message>
        <source>temp</source>
        <translation>temp</translation>
    </message>
    <message>
        <source>low</source>
        <translation>låg</translation>
    </message>
    <message>
        <source>low-medium (one parameter scores 3)</source>
        <translation>låg–middels (éin parameter gir 3)</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>middels</translation>
    </message>
    <message>
        <source>high</source>
        <translation>høg</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>Patient</source>
        <translation>Pasient</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Fødd</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Key access</source>
        <translation>Nøkkel</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Merknader</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Contacts in call order</source>
        <translation>Kontaktar i ringjerekkjefølgje</translation>
    </message>
    <message>
        <source>GP</source>
        <translation>Fastlege</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Diagnosar</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>Eigenbeh.plan</translation>
    </message>
    <message>
        <source>No alarm selected.</source>
        <translation>Ingen alarm vald.</translation>
    </message>
    <message>
        <source>Loading patient…</source>
        <translation>Lastar pasient…</translation>
    </message>
    <message>
        <source>The feed has sent no details for this patient. Identify the caller on the phone.</source>
        <translation>Alarmmottaket har ikkje sendt opplysningar om denne pasienten. Identifiser innringjaren på telefonen.</translation>
    </message>
    <message>
        <source>%1 (age %2)</source>
        <translation>%1 (%2 år)</translation>
    </message>
</context>
<context>
    <name>PdfDevices</name>
    <message>
        <source>Journal to VKP</source>
        <translation>Journalføring til VKP</translation>
    </message>
    <message>
        <source>{0} waiting, {1} failed, {2} delivered; oldest undelivered: {3}</source>
        <translation>{0} ventar, {1} feila, {2} levert; eldste ikkje leverte: {3}</translation>
    </message>
    <message>
        <source>Last error: {0}</source>
        <translation>Siste feil: {0}</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Utstyr</translation>
    </message>
    <message>
        <source>False alarms: {0} of decided alarms. Technical faults: {1} of decided alarms. Technical alarms (battery, offline, tamper): {2} of all alarms.</source>
        <translation>Falske alarmar: {0} av avgjorde alarmar. Teknisk feil: {1} av avgjorde alarmar. Tekniske alarmar (batteri, fråkopla, sabotasje): {2} av alle alarmar.</translation>
    </message>
    <message>
        <source>Noisiest devices</source>
        <translation>Einingar med flest alarmar</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmar</translation>
    </message>
    <message>
        <source>False alarms by kind</source>
        <translation>Falske alarmar per type</translation>
    </message>
    <message>
        <source>False alarms</source>
        <translation>Falske alarmar</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Heartbeat gaps</source>
        <translation>Brot i livsteikn</translation>
    </message>
    <message>
        <source>Out of contact</source>
        <translation>Utan kontakt</translation>
    </message>
    <message>
        <source>(ongoing)</source>
        <translation>(pågår)</translation>
    </message>
</context>
<context>
    <name>QueueHeading</name>
    <message>
        <source>Alarm queue — %1 open, %2 not claimed</source>
        <translation>Alarmkø — %1 opne, %2 ikkje tekne</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule callback</source>
        <translation>Flytt tilbakeringing</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>Was due</source>
        <translation>Opphavleg frist</translation>
    </message>
    <message>
        <source>New time</source>
        <translation>Nytt tidspunkt</translation>
    </message>
    <message>
        <source>Why it moves (required)</source>
        <translation>Kvifor ho blir flytta (påkravd)</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Kvifor</translation>
    </message>
    <message>
        <source>Say why the callback moves.</source>
        <translation>Skriv kvifor tilbakeringinga blir flytta.</translation>
    </message>
</context>
<context>
    <name>ReviewListModel</name>
    <message>
        <source>Colour</source>
        <translation>Farge</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Pasient</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parametrar</translation>
    </message>
    <message>
        <source>Deviations</source>
        <translation>Avvik</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Første</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Siste</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Measurements to review</source>
        <translation>Målingar til gjennomgang</translation>
    </message>
    <message>
        <source>No open yellow or red measurements.</source>
        <translation>Ingen opne gule eller raude målingar.</translation>
    </message>
    <message>
        <source>%1 red, %2 yellow</source>
        <translation>%1 raude, %2 gule</translation>
    </message>
</context>
<context>
    <name>ReviewsController</name>
    <message>
        <source>Review (%1)</source>
        <extracomment>review items changed: reload the review list after this quiet time (ms) how long an informational banner stays (ms) the number of review items listed changed (or was loaded) a review item was activated and is now selected in the queue text, banner level, timeout in ms</extracomment>
        <translation>Gjennomgang (%1)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Gjennomgang</translation>
    </message>
    <message>
        <source>This review item is no longer in the queue.</source>
        <translation>Denne gjennomgangen er ikkje lenger i køen.</translation>
    </message>
</context>
<context>
    <name>ScheduleCallbackDialog</name>
    <message>
        <source>Schedule callback</source>
        <translation>Planlegg tilbakeringing</translation>
    </message>
    <message>
        <source>Call at</source>
        <translation>Ring kl.</translation>
    </message>
    <message>
        <source>Why call back (required)</source>
        <translation>Kvifor ringje tilbake (påkravd)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>Meg (%1)</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Kven som helst</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Kven</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Årsak må fyllast ut.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Feil brukarnamn eller passord.</translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts. Try again in 15 minutes, or ask an administrator to unlock it.</source>
        <translation>Kontoen er sperra etter for mange mislukka forsøk. Prøv igjen om 15 minutt, eller be ein administrator låse han opp.</translation>
    </message>
    <message>
        <source>No accounts exist yet. Create the first administrator with: operator-app accounts add --role admin NAME</source>
        <translation>Det finst ingen kontoar enno. Opprett den første administratoren med: operator-app accounts add --role admin NAMN</translation>
    </message>
    <message>
        <source>This account does not handle alarms (administrator). Sign in with a nurse or shift lead account.</source>
        <translation>Denne kontoen handterer ikkje alarmar (administrator). Logg inn med ein sjukepleiar- eller vaktleiarkonto.</translation>
    </message>
    <message>
        <source>The sign-in could not be checked (the database does not answer). Try again.</source>
        <translation>Innlogginga kunne ikkje kontrollerast (databasen svarar ikkje). Prøv igjen.</translation>
    </message>
    <message>
        <source>Your directory account is in no group of this centre. Ask your administrator.</source>
        <translation>Katalogkontoen din er ikkje med i nokon gruppe ved dette senteret. Spør administratoren.</translation>
    </message>
    <message>
        <source>The centre&apos;s directory cannot be reached. Try again, or call IT support.</source>
        <translation>Brukarkatalogen til senteret kan ikkje nåast. Prøv igjen, eller ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>The directory connection is not encrypted; sign-in is refused. Call IT support.</source>
        <translation>Sambandet til brukarkatalogen er ikkje kryptert; innlogginga blir avvist. Ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>The sign-in was refused (%1).</source>
        <translation>Innlogginga vart avvist (%1).</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Operator Desk — sign in</source>
        <translation>Operatørpult — logg inn</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Logg inn på %1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logg inn</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brukarnamn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>Starting…</source>
        <translation>Startar…</translation>
    </message>
    <message>
        <source>Start-up step</source>
        <translation>Oppstartssteg</translation>
    </message>
</context>
<context>
    <name>TodayLogModel</name>
    <message>
        <source>Closed</source>
        <translation>Lukka</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Pasient</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatør</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
</context>
<context>
    <name>TodayLogView</name>
    <message>
        <source>Today&apos;s log</source>
        <translation>Dagens logg</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <source>24 h</source>
        <extracomment>the range key chosen by a button: &quot;24h&quot;, &quot;7d&quot;, &quot;30d&quot;, &quot;90d&quot; or &quot;all&quot;</extracomment>
        <translation>24 t</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 d</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 d</translation>
    </message>
    <message>
        <source>90 d</source>
        <translation>90 d</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>Drag or arrow keys: pan · wheel or +/-: zoom</source>
        <translation>Dra/piltastar: flytt · hjul, +/-: zoom</translation>
    </message>
    <message>
        <source>Trend plots</source>
        <translation>Trendgrafar</translation>
    </message>
</context>
<context>
    <name>TrendWindow</name>
    <message>
        <source>Home measurements — trends</source>
        <extracomment>the window takes this share of the screen&apos;s free area</extracomment>
        <translation>Heimemålingar — trendar</translation>
    </message>
</context>
<context>
    <name>TriagePanel</name>
    <message>
        <source>Alarm and triage</source>
        <extracomment>alarm id, Outcome, note patient id: schedule a callback to this patient queue item id of a callback: mark it done / move it</extracomment>
        <translation>Alarm og triage</translation>
    </message>
    <message>
        <source>Alarm details</source>
        <translation>Alarmdetaljar</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Claim this alarm so no colleague handles it twice</source>
        <translation>Ta alarmen, så ingen kollega handsamar han samtidig</translation>
    </message>
    <message>
        <source>Give the alarm back to the queue (F3)</source>
        <translation>Gi alarmen tilbake til køen (F3)</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>Utført…</translation>
    </message>
    <message>
        <source>Record how the callback went</source>
        <translation>Registrer korleis tilbakeringinga gjekk</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Flytt…</translation>
    </message>
    <message>
        <source>Move the callback to a later time</source>
        <translation>Flytt tilbakeringinga til seinare</translation>
    </message>
    <message>
        <source>Schedule a call back to this patient (Ctrl+B)</source>
        <translation>Planlegg tilbakeringing til denne pasienten (Ctrl+B)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>Note (Ctrl+N)</source>
        <translation>Notat (Ctrl+N)</translation>
    </message>
    <message>
        <source>What was done, whom you called, what was agreed</source>
        <translation>Kva vart gjort, kven du ringde, kva vart avtalt</translation>
    </message>
    <message>
        <source>Release (F3)</source>
        <translation>Slepp (F3)</translation>
    </message>
    <message>
        <source>Schedule callback… (Ctrl+B)</source>
        <translation>Planlegg tilbakeringing… (Ctrl+B)</translation>
    </message>
    <message>
        <source>Close alarm (Ctrl+Enter)</source>
        <translation>Lukk alarm (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close with the chosen outcome and note (Ctrl+Enter)</source>
        <translation>Lukk med valt utfall og notat (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Select an alarm in the queue, or press F2 to claim the most urgent one.</source>
        <translation>Vel ein alarm i køen, eller trykk F2 for å ta den mest hastande.</translation>
    </message>
    <message>
        <source>Claimed by %1</source>
        <translation>Teken av %1</translation>
    </message>
    <message>
        <source>Claimed by you</source>
        <translation>Teken av deg</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukka</translation>
    </message>
    <message>
        <source>Not claimed: claim it before you act.</source>
        <translation>Ikkje teken: ta alarmen før du handlar.</translation>
    </message>
    <message>
        <source>Another operator is handling this alarm.</source>
        <translation>Ein annan operatør handsamar denne alarmen.</translation>
    </message>
    <message>
        <source>Claim the alarm to close it.</source>
        <translation>Ta alarmen for å lukke han.</translation>
    </message>
    <message>
        <source>Waiting for the database…</source>
        <translation>Ventar på databasen…</translation>
    </message>
    <message>
        <source>Choose an outcome (Alt+1…7).</source>
        <translation>Vel eit utfall (Alt+1…7).</translation>
    </message>
    <message>
        <source>Claim (F2)</source>
        <translation>Ta (F2)</translation>
    </message>
    <message>
        <source>Claim (Enter, Space)</source>
        <translation>Ta (Enter, mellomrom)</translation>
    </message>
</context>
<context>
    <name>UserErrors</name>
    <message>
        <source>cannot reach the feed server</source>
        <extracomment>a few words for the status bar (what is wrong, no advice)</extracomment>
        <translation>får ikkje kontakt med alarmmottaket</translation>
    </message>
    <message>
        <source>the feed refused this desk&apos;s token</source>
        <translation>alarmmottaket avviste nøkkelen til pulten</translation>
    </message>
    <message>
        <source>the feed&apos;s certificate is not trusted</source>
        <translation>sertifikatet til alarmmottaket er ikkje klarert</translation>
    </message>
    <message>
        <source>the feed address is not valid</source>
        <translation>adressa til alarmmottaket er ugyldig</translation>
    </message>
    <message>
        <source>the feed server did not let the desk in</source>
        <translation>alarmmottaket slapp ikkje pulten inn</translation>
    </message>
    <message>
        <source>no data from the feed</source>
        <translation>ingen data frå alarmmottaket</translation>
    </message>
    <message>
        <source>the feed server reported an error</source>
        <translation>alarmmottaket melde ein feil</translation>
    </message>
    <message>
        <source>the feed sent data out of order</source>
        <translation>alarmmottaket sende data i feil rekkjefølgje</translation>
    </message>
    <message>
        <source>the desk cannot save to its database</source>
        <translation>pulten får ikkje lagra i databasen</translation>
    </message>
    <message>
        <source>an internal error in the desk</source>
        <translation>ein intern feil i pulten</translation>
    </message>
    <message>
        <source>a problem with the feed</source>
        <translation>eit problem med alarmmottaket</translation>
    </message>
    <message>
        <source>The desk cannot reach the feed server. Check the network; the desk keeps trying. If it lasts more than a few minutes, call IT support.</source>
        <extracomment>the whole sentence: what happened and what to do (``%1``: a value named in it)</extracomment>
        <translation>Pulten får ikkje kontakt med alarmmottaket. Sjekk nettverket; pulten prøver igjen av seg sjølv. Varer det meir enn nokre minutt, ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>The feed server refused this desk&apos;s token. Ask IT support for a new token; the desk asks for it at the next start.</source>
        <translation>Alarmmottaket avviste nøkkelen til pulten. Be IT-brukarstøtte om ein ny nøkkel; pulten spør etter han ved neste oppstart.</translation>
    </message>
    <message>
        <source>The feed server&apos;s certificate is not trusted, so the desk will not connect. Call IT support.</source>
        <translation>Sertifikatet til alarmmottaket er ikkje klarert, så pulten koplar seg ikkje til. Ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>The feed address in the settings is not valid. Ask IT support to correct it (the setting feed_url).</source>
        <translation>Adressa til alarmmottaket i innstillingane er ugyldig. Be IT-brukarstøtte rette henne (innstillinga feed_url).</translation>
    </message>
    <message>
        <source>The feed server did not let the desk in. The desk keeps trying; if it lasts, call IT support.</source>
        <translation>Alarmmottaket slapp ikkje pulten inn. Pulten prøver igjen; varer det, ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>The feed has sent nothing for a while. The desk reconnects by itself; if it lasts, call IT support.</source>
        <translation>Alarmmottaket har ikkje sendt noko på ei stund. Pulten koplar seg til på nytt av seg sjølv; varer det, ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>The feed server reported an error. The desk keeps trying; if it lasts, call IT support.</source>
        <translation>Alarmmottaket melde ein feil. Pulten prøver igjen; varer det, ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>The feed sent data out of order; the desk reconnects. If it repeats, call IT support.</source>
        <translation>Alarmmottaket sende data i feil rekkjefølgje; pulten koplar seg til på nytt. Skjer det igjen, ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>The desk cannot save to its database. Call IT support now, and note your decisions on paper until it works again.</source>
        <translation>Pulten får ikkje lagra i databasen. Ring IT-brukarstøtte no, og noter avgjerdene dine på papir til det verkar igjen.</translation>
    </message>
    <message>
        <source>An internal error stopped the feed. Restart the desk; if it happens again, call IT support.</source>
        <translation>Ein intern feil stoppa alarmmottaket. Start pulten på nytt; skjer det igjen, ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>There is a problem with the feed. If it lasts, call IT support.</source>
        <translation>Det er eit problem med alarmmottaket. Varer det, ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>The database address in the settings names a kind of database the desk cannot use. Ask IT support to correct it (the setting db_url: sqlite:/// or postgresql+psycopg://).</source>
        <translation>Databaseadressa i innstillingane viser til ein databasetype pulten ikkje kan bruke. Be IT-brukarstøtte rette henne (innstillinga db_url: sqlite:/// eller postgresql+psycopg://).</translation>
    </message>
    <message>
        <source>The desk cannot connect to the database server. Check the network; if it is working, the server may be down or the address or user name in the settings wrong: call IT support.</source>
        <translation>Pulten får ikkje kontakt med databasetenaren. Sjekk nettverket; verkar det, kan tenaren vere nede eller adressa eller brukarnamnet i innstillingane vere feil: ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>The desk cannot open its database. Call IT support and give them the details below.</source>
        <translation>Pulten får ikkje opna databasen sin. Ring IT-brukarstøtte og gi dei detaljane nedanfor.</translation>
    </message>
    <message>
        <source>The desk cannot read its feed token file. Check that the file exists and only your user may read it, or call IT support.</source>
        <translation>Pulten får ikkje lese nøkkelfila til alarmmottaket. Sjekk at fila finst og at berre brukaren din kan lese henne, eller ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>A setting is not valid, so the desk does not start. Ask IT support to correct the setting named in the details.</source>
        <translation>Ei innstilling er ugyldig, så pulten startar ikkje. Be IT-brukarstøtte rette innstillinga som er nemnd i detaljane.</translation>
    </message>
    <message>
        <source>The language setting &quot;%1&quot; is not a language the desk speaks. Choose nb (norsk bokmål), nn (norsk nynorsk) or en (English) in the settings file or in OPERATOR_APP_LANGUAGE.</source>
        <translation>Språkinnstillinga «%1» er ikkje eit språk pulten kan. Vel nb (norsk bokmål), nn (norsk nynorsk) eller en (English) i innstillingsfila eller i OPERATOR_APP_LANGUAGE.</translation>
    </message>
    <message>
        <source>That was not saved: the database cannot be reached. Try again in a moment; if it lasts, call IT support.</source>
        <translation>Det vart ikkje lagra: databasen kan ikkje nåast. Prøv igjen om litt; varer det, ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>The database cannot be reached. Your decision is kept on this desk and saved when the database is back; do not enter it again.</source>
        <translation>Databasen kan ikkje nåast. Avgjerda di er teken vare på i denne pulten og vert lagra når databasen er tilbake; ikkje legg henne inn på nytt.</translation>
    </message>
    <message>
        <source>The callback was not saved. Try again; if it fails again, call IT support.</source>
        <translation>Tilbakeringinga vart ikkje lagra. Prøv igjen; feilar det igjen, ring IT-brukarstøtte.</translation>
    </message>
    <message>
        <source>The callback was not changed: it may have been changed at another desk first. Look at the callback list again.</source>
        <translation>Tilbakeringinga vart ikkje endra: ho kan ha vorte endra ved ein annan pult først. Sjå på lista over tilbakeringingar igjen.</translation>
    </message>
    <message>
        <source>The note was not saved. Copy your text, try again, and if it fails call IT support.</source>
        <translation>Notatet vart ikkje lagra. Kopier teksten din, prøv igjen, og ring IT-brukarstøtte om det feilar.</translation>
    </message>
    <message>
        <source>The handover was not signed: only a shift lead may sign it, and only once. Ask the shift lead.</source>
        <translation>Vaktrapporten vart ikkje signert: berre ein vaktleiar kan signere han, og berre éin gong. Spør vaktleiaren.</translation>
    </message>
    <message>
        <source>Something went wrong in the desk, and what you just did may not have been saved. Check it; if it happens again, call IT support.</source>
        <translation>Noko gjekk gale i pulten, og det du nettopp gjorde, er kanskje ikkje lagra. Sjekk det; skjer det igjen, ring IT-brukarstøtte.</translation>
    </message>
</context>
<context>
    <name>_SheetDialog</name>
    <message>
        <source>Patient</source>
        <translation>Pasient</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>%1 (unknown kind)</source>
        <translation>%1 (ukjend type)</translation>
    </message>
</context>
</TS>
