<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>AlarmCommands</name>
    <message>
        <source>Claim another alarm?</source>
        <extracomment>how long the &quot;alarm closed&quot; line stays (ms) AlarmView the database returned with a command&apos;s result (the desk applies it) text, banner level, timeout in ms (0: until dismissed) alarm id -&gt; the open items this operator holds that claiming it should name first (``domain.queue.claims_to_confirm``); () claims without asking the question open now, if any (one at a time) command name -&gt; the alarm it was last sent for (a failure may carry no alarm)</extracomment>
        <translation>Ta en alarm til?</translation>
    </message>
    <message numerus="yes">
        <source>You already hold %n open alarm(s):</source>
        <translation>
            <numerusform>Du har allerede %n åpen alarm:</numerusform>
            <numerusform>Du har allerede %n åpne alarmer:</numerusform>
        </translation>
    </message>
    <message>
        <source>Claim this one too? Close or release the other first if a colleague should take it.</source>
        <translation>Ta denne også? Lukk eller slipp den andre først hvis en kollega skal ta den.</translation>
    </message>
    <message>
        <source>Claim it too</source>
        <translation>Ta den også</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Alarm closed: %1 — %2</source>
        <translation>Alarm lukket: %1 — %2</translation>
    </message>
    <message>
        <source>Already claimed by %1</source>
        <translation>Allerede tatt av %1</translation>
    </message>
    <message>
        <source>Already claimed by another operator</source>
        <translation>Allerede tatt av en annen operatør</translation>
    </message>
    <message>
        <source>You do not hold the claim on this alarm any more.</source>
        <translation>Du har ikke lenger denne alarmen.</translation>
    </message>
    <message>
        <source>Already closed by %1</source>
        <translation>Allerede lukket av %1</translation>
    </message>
    <message>
        <source>This alarm is already closed.</source>
        <translation>Denne alarmen er allerede lukket.</translation>
    </message>
    <message>
        <source>This alarm is not known to the database.</source>
        <translation>Denne alarmen finnes ikke i databasen.</translation>
    </message>
    <message>
        <source>The database cannot be reached. Your %1 is kept on this workstation and will be sent when it is back.</source>
        <translation>Databasen kan ikke nås. Handlingen («%1») er lagret på denne arbeidsstasjonen og sendes når databasen er tilbake.</translation>
    </message>
    <message>
        <source>The %1 did not succeed.</source>
        <translation>Handlingen («%1») lyktes ikke.</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>ta alarm</translation>
    </message>
    <message>
        <source>release</source>
        <translation>slipp alarm</translation>
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
        <translation>Sted</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Utløst</translation>
    </message>
    <message>
        <source>Device updates</source>
        <translation>Fra enheten</translation>
    </message>
    <message>
        <source>In this row</source>
        <translation>I denne raden</translation>
    </message>
    <message>
        <source>Deviations</source>
        <translation>Avvik</translation>
    </message>
    <message>
        <source>No alarm selected</source>
        <translation>Ingen alarm valgt</translation>
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
        <translation>Laster avvik…</translation>
    </message>
    <message>
        <source>%1 · received %2</source>
        <translation>%1 · mottatt %2</translation>
    </message>
    <message>
        <source>time not given by the device · received %1</source>
        <translation>tid ikke oppgitt av enheten · mottatt %1</translation>
    </message>
    <message numerus="yes">
        <source>Closing this row closes all %n alarms with one decision.</source>
        <translation>
            <numerusform>Lukker du denne raden, lukkes %n alarm med én beslutning.</numerusform>
            <numerusform>Lukker du denne raden, lukkes alle %n alarmene med én beslutning.</numerusform>
        </translation>
    </message>
    <message>
        <source>No deviations recorded.</source>
        <translation>Ingen avvik registrert.</translation>
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
        <translation>Venter</translation>
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
        <translation>Tatt av %1</translation>
    </message>
    <message>
        <source> · device: %1</source>
        <translation> · enhet: %1</translation>
    </message>
    <message>
        <source>Closed at source</source>
        <translation>Lukket ved kilden</translation>
    </message>
    <message>
        <source>Updated at device: %1</source>
        <translation>Oppdatert på enheten: %1</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Unknown alarm kind: %1</source>
        <translation>Ukjent alarmtype: %1</translation>
    </message>
    <message>
        <source>Waiting since %1</source>
        <translation>Venter siden %1</translation>
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
            <numerusform>▲ %n nye alarmer over</numerusform>
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
        <translation>Høy alarm har ventet %1 — over svarfristen på %2 s: %3</translation>
    </message>
    <message>
        <source>You claimed %1 %2 min ago; close it or release it.</source>
        <translation>Du tok %1 for %2 min siden; lukk eller slipp den.</translation>
    </message>
    <message numerus="yes">
        <source>%n high alarm(s) past the answer target</source>
        <translation>
            <numerusform>%n høy alarm over svarfristen</numerusform>
            <numerusform>%n høye alarmer over svarfristen</numerusform>
        </translation>
    </message>
    <message>
        <source>oldest waiting %1</source>
        <translation>eldste har ventet %1</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) held long: close or release</source>
        <translation>
            <numerusform>%n alarm tatt lenge: lukk eller slipp</numerusform>
            <numerusform>%n alarmer tatt lenge: lukk eller slipp</numerusform>
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
        <translation>Åpner databasen…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Logger inn…</translation>
    </message>
    <message>
        <source>Loading the desk…</source>
        <translation>Laster desken…</translation>
    </message>
    <message>
        <source>Demo: signed in automatically as the demo nurse “%1”. The demo shift lead is “%2” (password %3), e.g. to sign off the handover from the lock screen (Ctrl+Alt+L).</source>
        <translation>Demo: logget inn automatisk som demosykepleier «%1». Demovaktleder er «%2» (passord %3), f.eks. for å signere vaktrapporten fra låseskjermen (Ctrl+Alt+L).</translation>
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
        <translation>Ny høy alarm: %1 (%2 venter)</translation>
    </message>
    <message>
        <source>New high alarms (%3): %1 (%2 waiting)</source>
        <translation>Nye høye alarmer (%3): %1 (%2 venter)</translation>
    </message>
    <message>
        <source>Operator Desk — no high alarms waiting</source>
        <translation>Operatørpult — ingen høye alarmer venter</translation>
    </message>
    <message>
        <source>Operator Desk — high alarms waiting: %1</source>
        <translation>Operatørpult — høye alarmer som venter: %1</translation>
    </message>
</context>
<context>
    <name>CallbackLabels</name>
    <message>
        <source>Reached, all well</source>
        <extracomment>outcomes in the order they are offered</extracomment>
        <translation>Fikk kontakt, alt i orden</translation>
    </message>
    <message>
        <source>Reached, follow-up needed</source>
        <translation>Fikk kontakt, trenger oppfølging</translation>
    </message>
    <message>
        <source>Not reached, will retry</source>
        <translation>Ikke fått kontakt, prøver igjen</translation>
    </message>
    <message>
        <source>Not reached, escalated</source>
        <translation>Ikke fått kontakt, eskalert</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avlyst</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Over tid</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Nå</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Kommende</translation>
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
        <translation>%1 over tid</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Nå</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>Om %1</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>hvem som helst</translation>
    </message>
</context>
<context>
    <name>CallbacksController</name>
    <message numerus="yes">
        <source>%n overdue</source>
        <extracomment>callbacks are reloaded this often (ms), besides after every callback command how long an informational banner stays (ms) list[Callback], after each load text, banner level, timeout in ms (0: until dismissed) the open callback dialog (kept so tests and the window can reach it)</extracomment>
        <translation>
            <numerusform>%n over tid</numerusform>
            <numerusform>%n over tid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due</source>
        <translation>
            <numerusform>%n nå</numerusform>
            <numerusform>%n nå</numerusform>
        </translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Tilbakeringinger</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Select an alarm or a patient first, then schedule the callback.</source>
        <translation>Velg en alarm eller en pasient først, og planlegg så tilbakeringingen.</translation>
    </message>
    <message>
        <source>Callback to %1 scheduled for %2.</source>
        <translation>Tilbakeringing til %1 planlagt %2.</translation>
    </message>
    <message>
        <source>The callback details are still loading. Try again in a moment, or close the item with an outcome and a note.</source>
        <translation>Detaljene for tilbakeringingen lastes fortsatt. Prøv igjen om litt, eller lukk den med utfall og notat.</translation>
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
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Outcome / note</source>
        <translation>Utfall / notat</translation>
    </message>
    <message numerus="yes">
        <source>(moved %nx)</source>
        <translation>
            <numerusform>(flyttet %nx)</numerusform>
            <numerusform>(flyttet %nx)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2 by %3: %4</source>
        <translation>%1 → %2 av %3: %4</translation>
    </message>
    <message>
        <source>Closed by %1 at %2</source>
        <translation>Lukket av %1 kl. %2</translation>
    </message>
    <message>
        <source>Scheduled by %1 at %2</source>
        <translation>Planlagt av %1 kl. %2</translation>
    </message>
</context>
<context>
    <name>CallbacksView</name>
    <message>
        <source>Callbacks</source>
        <extracomment>patient id of the selected callback, or None (the caller asks for a patient) callback id, new due (aware UTC datetime), why callback id, CallbackOutcome, note patient id of the activated row (double-click / Enter): open the patient
----------
the open dialog, kept so tests (and the window) can reach it</extracomment>
        <translation>Tilbakeringinger</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Show callbacks</source>
        <translation>Vis tilbakeringinger</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Due &amp; overdue</source>
        <translation>Nå og over tid</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Kommende</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Utført</translation>
    </message>
    <message>
        <source>Callbacks list</source>
        <translation>Liste over tilbakeringinger</translation>
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
            <numerusform>⚠ %n over tid</numerusform>
            <numerusform>⚠ %n over tid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due</source>
        <translation>
            <numerusform>%n nå</numerusform>
            <numerusform>%n nå</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n upcoming</source>
        <translation>
            <numerusform>%n kommende</numerusform>
            <numerusform>%n kommende</numerusform>
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
        <translation>Hva ble sagt eller gjort</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Choose an outcome.</source>
        <translation>Velg et utfall.</translation>
    </message>
    <message>
        <source>Say in the note why the callback is cancelled.</source>
        <translation>Skriv i notatet hvorfor tilbakeringingen avlyses.</translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>Claim the most urgent alarm</source>
        <translation>Ta den mest hastende alarmen</translation>
    </message>
    <message>
        <source>Release the alarm</source>
        <translation>Slipp alarmen</translation>
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
        <translation>Skriv et notat</translation>
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
        <translation>Åpne valgt alarm</translation>
    </message>
    <message>
        <source>Schedule callback…</source>
        <translation>Planlegg tilbakeringing…</translation>
    </message>
    <message>
        <source>Pause sound for 2 minutes</source>
        <translation>Pause lyden i 2 minutter</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Vaktrapport</translation>
    </message>
    <message>
        <source>Measurements to review</source>
        <translation>Målinger til gjennomgang</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Tilbakeringinger</translation>
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
        <translation>Hurtigtaster</translation>
    </message>
    <message>
        <source>Claim the most urgent unclaimed alarm</source>
        <translation>Ta den mest hastende ledige alarmen</translation>
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
        <translation>Åpne triagepanelet for valgt alarm</translation>
    </message>
    <message>
        <source>Alt+1 … Alt+7</source>
        <translation>Alt+1 … Alt+7</translation>
    </message>
    <message>
        <source>Choose the outcome</source>
        <translation>Velg utfall</translation>
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
        <translation>Lukk alarmen (tatt av deg, utfall valgt)</translation>
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
        <translation>Planlegg tilbakeringing til valgt pasient</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Pause alarm sounds for 2 minutes / resume</source>
        <translation>Pause alarmlyden i 2 minutter / slå på igjen</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>Handover (own window)</source>
        <translation>Vaktrapport (eget vindu)</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Resume sound</source>
        <translation>Slå på lyden igjen</translation>
    </message>
</context>
<context>
    <name>DeskLayout</name>
    <message>
        <source>Home measurements</source>
        <extracomment>below this height the measurements part shows the latest values as a tab, not above the plots (heading, NEWS2, six latest values and one 150 px plot need about 480 px)</extracomment>
        <translation>Hjemmemålinger</translation>
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
        <translation>Forbindelsen til alarmmottaket er ikke kryptert (ws://). Pasientdata sendes i klartekst.</translation>
    </message>
    <message>
        <source>Operator: %1 @ %2</source>
        <translation>Operatør: %1 @ %2</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Ikke tilkoblet</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Demo: simulated alarms and patients, not real ones.</source>
        <translation>Demo: simulerte alarmer og pasienter, ikke ekte.</translation>
    </message>
    <message>
        <source>No connection status received yet</source>
        <translation>Ingen tilkoblingsstatus mottatt ennå</translation>
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
        <translation>Alarmlyden er satt på pause; alarmer blinker fortsatt. Ctrl+M slår lyden på igjen.</translation>
    </message>
    <message>
        <source>Audio unavailable — visual signals only</source>
        <translation>Ingen lyd — bare visuelle signaler</translation>
    </message>
    <message>
        <source>No sound device: alarms are shown and flash, but make no sound.</source>
        <translation>Ingen lydenhet: alarmer vises og blinker, men gir ingen lyd.</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Lyd på</translation>
    </message>
    <message>
        <source>Ctrl+M pauses alarm sounds for 2 minutes.</source>
        <translation>Ctrl+M setter alarmlyden på pause i 2 minutter.</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Tilkoblet</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Kobler til</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>FORSINKET</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Kobler til igjen</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEILET</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stoppet</translation>
    </message>
    <message>
        <source>Last heard: %1</source>
        <translation>Sist hørt fra: %1</translation>
    </message>
    <message>
        <source>stream %1 · seq %2</source>
        <translation>strøm %1 · sekv. %2</translation>
    </message>
    <message>
        <source>lag %1</source>
        <translation>forsinkelse %1</translation>
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
            <numerusform>%n hendelse satt til side</numerusform>
            <numerusform>%n hendelser satt til side</numerusform>
        </translation>
    </message>
    <message>
        <source>Feed events the desk could not apply. They are kept with their frames and counted in the handover; an alarm among them is in the queue as an unreadable alarm.</source>
        <translation>Hendelser fra mottaket som pulten ikke kunne legge inn. De er tatt vare på med rammene sine og telles i vaktrapporten; en alarm blant dem står i køen som uleselig alarm.</translation>
    </message>
    <message>
        <source>bad frames %1</source>
        <translation>feil meldinger %1</translation>
    </message>
    <message>
        <source>Last rejected frames:</source>
        <translation>Siste avviste meldinger:</translation>
    </message>
    <message>
        <source>Frames rejected by the decoder</source>
        <translation>Meldinger avvist av dekoderen</translation>
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
        <translation>Annet…</translation>
    </message>
    <message>
        <source>Custom due time (local time)</source>
        <translation>Valgfritt tidspunkt (lokal tid)</translation>
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
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Show the technical details</source>
        <translation>Vis de tekniske detaljene</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Tekniske detaljer</translation>
    </message>
</context>
<context>
    <name>EscalationLine</name>
    <message>
        <source>Every overdue alarm; choose one to select it</source>
        <extracomment>background, text, border per level (the severity colours of the queue&apos;s priority chips) lines named in the summary&apos;s tooltip (the rest is counted; the full list is the menu) one line of the full list: (alarm id, text) the operator dismissed the line (it comes back with the next overdue alarm) an alarm was chosen from the full list: select it in the queue</extracomment>
        <translation>Alle alarmer over fristen; velg én for å markere den i køen</translation>
    </message>
    <message>
        <source>Dismiss (it comes back with the next overdue alarm)</source>
        <translation>Lukk (kommer tilbake ved neste alarm over fristen)</translation>
    </message>
    <message>
        <source>Dismiss the escalation line</source>
        <translation>Lukk eskaleringslinjen</translation>
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
        <translation>Alarmmottak %1. Nye alarmer kommer IKKE inn.</translation>
    </message>
    <message>
        <source>Feed stopped. New alarms are NOT arriving.</source>
        <translation>Alarmmottak stoppet. Nye alarmer kommer IKKE inn.</translation>
    </message>
    <message>
        <source>Feed %1: the queue may be incomplete until the connection is back.</source>
        <translation>Alarmmottak %1: køen kan være ufullstendig til forbindelsen er tilbake.</translation>
    </message>
</context>
<context>
    <name>GroupLabels</name>
    <message numerus="yes">
        <source>%n further alarm(s) from this patient in this row; each is kept, and closing the row closes them all with one decision.</source>
        <translation>
            <numerusform>%n alarm til fra denne pasienten i denne raden; hver alarm beholdes, og lukker du raden, lukkes alle med én beslutning.</numerusform>
            <numerusform>%n alarmer til fra denne pasienten i denne raden; hver alarm beholdes, og lukker du raden, lukkes alle med én beslutning.</numerusform>
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
        <translation>Alarmer per 10 minutter</translation>
    </message>
    <message numerus="yes">
        <source>Highest: %n alarm(s) in 10 minutes</source>
        <translation>
            <numerusform>Høyest: %n alarm på 10 minutter</numerusform>
            <numerusform>Høyest: %n alarmer på 10 minutter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) past the answer target</source>
        <translation>
            <numerusform>%n alarm over svarfristen</numerusform>
            <numerusform>%n alarmer over svarfristen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flood period(s)</source>
        <translation>
            <numerusform>%n toppbelastningsperiode</numerusform>
            <numerusform>%n toppbelastningsperioder</numerusform>
        </translation>
    </message>
    <message>
        <source>No alarms to show</source>
        <translation>Ingen alarmer å vise</translation>
    </message>
    <message>
        <source>now</source>
        <translation>nå</translation>
    </message>
    <message>
        <source>alarms received</source>
        <translation>alarmer mottatt</translation>
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
        <translation>Alarmer mottatt</translation>
    </message>
    <message>
        <source>no alarms</source>
        <translation>ingen alarmer</translation>
    </message>
    <message>
        <source>TARGET MET</source>
        <translation>MÅL NÅDD</translation>
    </message>
    <message>
        <source>TARGET NOT MET</source>
        <translation>MÅL IKKE NÅDD</translation>
    </message>
    <message>
        <source>Answered within {0} s</source>
        <translation>Besvart innen {0} s</translation>
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
        <translation>Ikke tatt ved vaktslutt</translation>
    </message>
    <message>
        <source>Answer-time breaches</source>
        <translation>Brudd på svarfristen</translation>
    </message>
    <message>
        <source>Feed events set aside (not applied)</source>
        <translation>Hendelser fra mottaket satt til side (ikke lagt inn)</translation>
    </message>
    <message>
        <source>Flood windows (&gt;10 per operator / 10 min)</source>
        <translation>Toppbelastningsperioder (&gt;10 per operatør / 10 min)</translation>
    </message>
    <message>
        <source>median {0}, 90 % within {1}, longest {2} ({3})</source>
        <translation>median {0}, 90 % innen {1}, lengste {2} ({3})</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s)</source>
        <translation>
            <numerusform>%n alarm</numerusform>
            <numerusform>%n alarmer</numerusform>
        </translation>
    </message>
    <message>
        <source>Not claimed so far</source>
        <translation>Ikke tatt så langt</translation>
    </message>
    <message>
        <source>{0} (busiest window: {1})</source>
        <translation>{0} (travleste periode: {1})</translation>
    </message>
    <message>
        <source>Open now (the shift is still on)</source>
        <translation>Åpne nå (vakten pågår)</translation>
    </message>
    <message>
        <source>Still open at shift end</source>
        <translation>Fortsatt åpne ved vaktslutt</translation>
    </message>
    <message>
        <source>{0} (from earlier shifts: {1})</source>
        <translation>{0} (fra tidligere vakter: {1})</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Tilbakeringinger</translation>
    </message>
    <message>
        <source>{0} done, {1} cancelled, {2} OVERDUE, {3} pending</source>
        <translation>{0} utført, {1} avlyst, {2} OVER TID, {3} gjenstår</translation>
    </message>
    <message>
        <source>Operators on duty</source>
        <translation>Operatører på vakt</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ingen.</translation>
    </message>
    <message>
        <source>alarms per 10 minutes</source>
        <translation>alarmer per 10 minutter</translation>
    </message>
    <message>
        <source>! = answer target breached (hatched part)   F = flood window</source>
        <translation>! = over svarfristen (skravert del)   F = toppbelastningsperiode</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammendrag</translation>
    </message>
    <message>
        <source>Figures as of {0}. Times are measured from when the centre received the alarm.</source>
        <translation>Tall per {0}. Tidene er målt fra sentralen mottok alarmen.</translation>
    </message>
    <message>
        <source>Alarms per 10 minutes</source>
        <translation>Alarmer per 10 minutter</translation>
    </message>
    <message>
        <source>Alarms by kind, priority and outcome</source>
        <translation>Alarmer etter type, prioritet og utfall</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmer</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Outcome (closed alarms)</source>
        <translation>Utfall (lukkede alarmer)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(uten utfall)</translation>
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
        <translation>Tatt først</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>{0} done, {1} cancelled, {2} overdue, {3} pending so far.</source>
        <translation>{0} utført, {1} avlyst, {2} over tid, {3} gjenstår så langt.</translation>
    </message>
    <message>
        <source>{0} done, {1} cancelled, {2} overdue, {3} pending at shift end.</source>
        <translation>{0} utført, {1} avlyst, {2} over tid, {3} gjenstår ved vaktslutt.</translation>
    </message>
    <message>
        <source>OVERDUE callbacks:</source>
        <translation>Tilbakeringinger OVER TID:</translation>
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
        <translation>Hvem</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>hvem som helst</translation>
    </message>
    <message>
        <source>Handover notes</source>
        <translation>Notater til overlevering</translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation>Ingen notater.</translation>
    </message>
    <message>
        <source>ADDENDUM after sign-off — {0}</source>
        <translation>TILLEGG etter signering — {0}</translation>
    </message>
    <message>
        <source>Open now, the shift is still on ({0})</source>
        <translation>Åpne nå, vakten pågår ({0})</translation>
    </message>
    <message>
        <source>Still open at shift end ({0})</source>
        <translation>Fortsatt åpne ved vaktslutt ({0})</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>Ventet</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>Tatt av</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>… and {0} more (see the CSV export).</source>
        <translation>… og {0} til (se CSV-eksporten).</translation>
    </message>
    <message>
        <source>Handover {0}</source>
        <translation>Vaktrapport {0}</translation>
    </message>
    <message>
        <source>Shift lead: {0} (signed off {1})</source>
        <translation>Vaktleder: {0} (signert {1})</translation>
    </message>
    <message>
        <source>Not signed off</source>
        <translation>Ikke signert</translation>
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
        <translation>Tall for vaktrapporten</translation>
    </message>
    <message>
        <source>◀ Previous shift</source>
        <translation>◀ Forrige vakt</translation>
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
        <translation>Alarmer</translation>
    </message>
    <message>
        <source>Time to claim (median)</source>
        <translation>Svartid (median)</translation>
    </message>
    <message>
        <source>Claimed within 60 s</source>
        <translation>Tatt innen 60 s</translation>
    </message>
    <message>
        <source>Claimed within 180 s</source>
        <translation>Tatt innen 180 s</translation>
    </message>
    <message>
        <source>Time to close (median)</source>
        <translation>Tid til lukking (median)</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Tilbakeringinger</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Fortsatt åpne</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Belastning</translation>
    </message>
    <message>
        <source>Alarms per 10 minutes</source>
        <translation>Alarmer per 10 minutter</translation>
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
        <translation>Lukket</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operatør</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Tatt</translation>
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
        <translation>Notater til overlevering</translation>
    </message>
    <message>
        <source>A note for the next shift</source>
        <translation>Et notat til neste vakt</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Legg til notat</translation>
    </message>
    <message>
        <source>Sign off handover</source>
        <translation>Signer vaktrapport</translation>
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
            <numerusform>%n over tid</numerusform>
            <numerusform>%n over tid</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 done · %2 cancelled · %3 still pending</source>
        <translation>%1 utført · %2 avlyst · %3 gjenstår</translation>
    </message>
    <message numerus="yes">
        <source>%n from earlier shifts</source>
        <translation>
            <numerusform>%n fra tidligere vakter</numerusform>
            <numerusform>%n fra tidligere vakter</numerusform>
        </translation>
    </message>
    <message>
        <source>all from this shift</source>
        <translation>alle fra denne vakten</translation>
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
            <numerusform>%n operatører</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flood period(s)</source>
        <translation>
            <numerusform>%n toppbelastningsperiode</numerusform>
            <numerusform>%n toppbelastningsperioder</numerusform>
        </translation>
    </message>
    <message>
        <source>(no outcome)</source>
        <translation>(uten utfall)</translation>
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
            <numerusform>%n ikke tatt</numerusform>
            <numerusform>%n ikke tatt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed event(s) set aside</source>
        <translation>
            <numerusform>%n hendelse fra mottaket satt til side</numerusform>
            <numerusform>%n hendelser fra mottaket satt til side</numerusform>
        </translation>
    </message>
    <message>
        <source>90th percentile %1 · max %2</source>
        <translation>90-persentil %1 · maks %2</translation>
    </message>
    <message>
        <source>no alarms</source>
        <translation>ingen alarmer</translation>
    </message>
    <message>
        <source>target %1 met</source>
        <translation>mål %1 nådd</translation>
    </message>
    <message>
        <source>target %1 NOT met</source>
        <translation>mål %1 IKKE nådd</translation>
    </message>
    <message>
        <source>No flood periods (more than 10 alarms per operator in 10 minutes).</source>
        <translation>Ingen toppbelastningsperioder (mer enn 10 alarmer per operatør på 10 minutter).</translation>
    </message>
    <message numerus="yes">
        <source>%1-%2: %n alarm(s)</source>
        <translation>
            <numerusform>%1-%2: %n alarm</numerusform>
            <numerusform>%1-%2: %n alarmer</numerusform>
        </translation>
    </message>
    <message>
        <source>Flood periods: %1</source>
        <translation>Toppbelastningsperioder: %1</translation>
    </message>
    <message>
        <source>Addendum after sign-off</source>
        <translation>Tillegg etter signering</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Ingen notater ennå.</translation>
    </message>
    <message>
        <source>Not signed off. Notes can be added until the shift lead signs the handover off.</source>
        <translation>Ikke signert. Notater kan legges til fram til vaktleder signerer vaktrapporten.</translation>
    </message>
    <message>
        <source>Only a shift lead signs off the handover.</source>
        <translation>Bare en vaktleder signerer vaktrapporten.</translation>
    </message>
    <message>
        <source>Signed off by %1 at %2 — frozen. Later notes are added as addenda.</source>
        <translation>Signert av %1 kl. %2 — låst. Senere notater legges til som tillegg.</translation>
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
        <translation>Eksporter vaktrapport</translation>
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
        <translation>Signering låser vaktrapporten for denne vakten; senere notater blir tillegg. Klikk «Bekreft signering» for å signere.</translation>
    </message>
    <message>
        <source>Confirm sign-off</source>
        <translation>Bekreft signering</translation>
    </message>
    <message>
        <source>Sign off handover</source>
        <translation>Signer vaktrapport</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Eksporterer %1…</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1.</source>
        <translation>PDF-en kunne ikke skrives til %1.</translation>
    </message>
    <message>
        <source>Handover exported (%1): %2</source>
        <translation>Vaktrapport eksportert (%1): %2</translation>
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
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmer</translation>
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
        <translation>Falske alarmer</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Andel</translation>
    </message>
    <message>
        <source>Out of contact</source>
        <translation>Uten kontakt</translation>
    </message>
    <message>
        <source>Noisiest devices</source>
        <translation>Enheter med flest alarmer</translation>
    </message>
    <message>
        <source>Noisiest patients</source>
        <translation>Pasienter med flest alarmer</translation>
    </message>
    <message>
        <source>False alarms by kind</source>
        <translation>Falske alarmer per type</translation>
    </message>
    <message>
        <source>Heartbeat gaps</source>
        <translation>Brudd i livstegn</translation>
    </message>
    <message>
        <source>%1 waiting, %2 failed, %3 delivered; oldest undelivered: %4</source>
        <translation>%1 venter, %2 feilet, %3 levert; eldste ikke leverte: %4</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Siste feil: %1</translation>
    </message>
    <message>
        <source>False alarms: %1 of decided alarms. Technical faults: %2 of decided alarms. Technical alarms (battery, offline, tamper): %3 of all alarms.</source>
        <translation>Falske alarmer: %1 av avgjorte alarmer. Teknisk feil: %2 av avgjorte alarmer. Tekniske alarmer (batteri, frakoblet, sabotasje): %3 av alle alarmer.</translation>
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
        <translation>Forlatt trygg sone (GPS)</translation>
    </message>
    <message>
        <source>No activity</source>
        <translation>Ingen aktivitet</translation>
    </message>
    <message>
        <source>Door open</source>
        <translation>Dør åpen</translation>
    </message>
    <message>
        <source>Out of bed</source>
        <translation>Ute av sengen</translation>
    </message>
    <message>
        <source>Medication missed</source>
        <translation>Medisin ikke tatt</translation>
    </message>
    <message>
        <source>Measurement missed</source>
        <translation>Måling ikke gjort</translation>
    </message>
    <message>
        <source>Device battery low</source>
        <translation>Lavt batteri i enheten</translation>
    </message>
    <message>
        <source>Device offline</source>
        <translation>Enhet frakoblet</translation>
    </message>
    <message>
        <source>Device tampered</source>
        <translation>Enhet manipulert</translation>
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
        <translation>Uleselig alarm fra mottaket</translation>
    </message>
    <message>
        <source>Measurement could not be read</source>
        <translation>Måling kunne ikke leses</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Høy</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Middels</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Lav</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>tilbakestilt</translation>
    </message>
    <message>
        <source>presence (responder on site)</source>
        <translation>til stede (hjelper på stedet)</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>gjenopprettet</translation>
    </message>
    <message>
        <source>closed at source</source>
        <translation>lukket ved kilden</translation>
    </message>
    <message>
        <source>Resolved by phone</source>
        <translation>Løst på telefon</translation>
    </message>
    <message>
        <source>Home care dispatched</source>
        <translation>Hjemmetjenesten sendt</translation>
    </message>
    <message>
        <source>Next of kin contacted</source>
        <translation>Pårørende kontaktet</translation>
    </message>
    <message>
        <source>GP or legevakt contacted</source>
        <translation>Fastlege/legevakt kontaktet</translation>
    </message>
    <message>
        <source>Emergency 113</source>
        <translation>Nødnummer 113</translation>
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
        <translation>Ukjent pasient</translation>
    </message>
    <message>
        <source>Unknown patient %1</source>
        <translation>Ukjent pasient %1</translation>
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
        <translation>Enhet</translation>
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
        <translation>Overfør alarmen til en annen operatør…</translation>
    </message>
    <message>
        <source>Reopen the alarm selected in today&apos;s log…</source>
        <translation>Gjenåpne alarmen som er valgt i dagens logg…</translation>
    </message>
    <message>
        <source>&amp;Shift lead</source>
        <translation>&amp;Vaktleder</translation>
    </message>
    <message>
        <source>Move the claim</source>
        <translation>Overfør alarmen</translation>
    </message>
    <message>
        <source>Account to take alarm %1 (empty: back to the queue):</source>
        <translation>Konto som skal ta alarm %1 (tomt: tilbake i køen):</translation>
    </message>
    <message>
        <source>Reopen the alarm</source>
        <translation>Gjenåpne alarmen</translation>
    </message>
    <message>
        <source>Why is alarm %1 reopened? (kept in the log)</source>
        <translation>Hvorfor gjenåpnes alarm %1? (lagres i loggen)</translation>
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
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>Sign in as another operator</source>
        <translation>Logg inn som en annen operatør</translation>
    </message>
    <message>
        <source>Another operator</source>
        <translation>En annen operatør</translation>
    </message>
    <message>
        <source>Locked by %1. Only the alarm counts are shown.</source>
        <translation>Låst av %1. Bare antall alarmer vises.</translation>
    </message>
    <message numerus="yes">
        <source>%n high alarm(s) waiting</source>
        <translation>
            <numerusform>%n høy alarm venter</numerusform>
            <numerusform>%n høye alarmer venter</numerusform>
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
        <translation>Dagens logg, gjennomgang og tilbakeringinger</translation>
    </message>
    <message>
        <source>Today&apos;s log</source>
        <translation>Dagens logg</translation>
    </message>
    <message>
        <source>Alarms closed today (Ctrl+L)</source>
        <translation>Alarmer lukket i dag (Ctrl+L)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Gjennomgang</translation>
    </message>
    <message>
        <source>Patients with yellow or red home measurements</source>
        <translation>Pasienter med gule eller røde hjemmemålinger</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Tilbakeringinger</translation>
    </message>
    <message>
        <source>Scheduled callbacks: overdue, due, upcoming, done</source>
        <translation>Planlagte tilbakeringinger: over tid, nå, kommende, utført</translation>
    </message>
    <message>
        <source>DEMO — %1</source>
        <translation>DEMO — %1</translation>
    </message>
    <message>
        <source>Claim this alarm so no colleague handles it twice (Enter on the queue, then Space). F2 or Ctrl+Space claims the most urgent alarm.</source>
        <translation>Ta denne alarmen så ingen kollega håndterer den to ganger (Enter i køen, så Mellomrom). F2 eller Ctrl+Mellomrom tar den mest hastende alarmen.</translation>
    </message>
    <message>
        <source>The alarm you had selected was closed by %1.</source>
        <translation>Alarmen du hadde valgt, ble lukket av %1.</translation>
    </message>
    <message>
        <source>another desk</source>
        <translation>en annen arbeidsstasjon</translation>
    </message>
    <message>
        <source>No unclaimed alarms in the queue.</source>
        <translation>Ingen ledige alarmer i køen.</translation>
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
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farge</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <source>Received %1</source>
        <translation>Mottatt %1</translation>
    </message>
</context>
<context>
    <name>MeasurementsPanel</name>
    <message>
        <source>NEWS2 (supplementary): not available</source>
        <extracomment>so the colour codes of the series contract and the widgets&apos; levels stay the same</extracomment>
        <translation>NEWS2 (tillegg): ikke tilgjengelig</translation>
    </message>
    <message>
        <source>NEWS2 (supplementary): not enough values (%1 of 7)</source>
        <translation>NEWS2 (tillegg): for få verdier (%1 av 7)</translation>
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
        <translation>fra %1</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>mangler: %1</translation>
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
        <translation>Målinger</translation>
    </message>
    <message>
        <source>Home measurements</source>
        <translation>Hjemmemålinger</translation>
    </message>
    <message>
        <source>NEWS2 is validated for adults in hospital, not for home measurements. It is shown as a supplement and never replaces the triage colour.</source>
        <translation>NEWS2 er validert for voksne på sykehus, ikke for hjemmemålinger. Den vises som et tillegg og erstatter aldri triagefargen.</translation>
    </message>
    <message>
        <source>Latest values</source>
        <translation>Siste verdier</translation>
    </message>
    <message>
        <source>Trends and measurement list</source>
        <translation>Trender og måleliste</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Trender</translation>
    </message>
    <message>
        <source>Measurement list</source>
        <translation>Måleliste</translation>
    </message>
    <message>
        <source>Open in own window</source>
        <translation>Åpne i eget vindu</translation>
    </message>
    <message>
        <source>Show the trends in a large window of their own; it follows the selected patient (Esc closes it)</source>
        <translation>Vis trendene i et eget stort vindu; det følger valgt pasient (Esc lukker det)</translation>
    </message>
    <message>
        <source>No patient selected.</source>
        <extracomment>what the plots show, so the trend window shows the same when it opens</extracomment>
        <translation>Ingen pasient valgt.</translation>
    </message>
    <message>
        <source>Loading measurements…</source>
        <translation>Laster målinger…</translation>
    </message>
    <message>
        <source>No home measurements for this patient.</source>
        <translation>Ingen hjemmemålinger for denne pasienten.</translation>
    </message>
    <message>
        <source>No measurements to plot.</source>
        <translation>Ingen målinger å vise.</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation>Pasient %1</translation>
    </message>
    <message>
        <source>NEWS2 and latest values</source>
        <translation>NEWS2 og siste verdier</translation>
    </message>
    <message>
        <source>shaded: each line&apos;s normal range, lighter: yellow</source>
        <translation>farget: hver linjes normalområde, lysere: gult</translation>
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
        <translation>Grønn</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Gul</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rød</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Ikke vurdert</translation>
    </message>
    <message>
        <source>Rejected: not readable</source>
        <translation>Avvist: ikke lesbar</translation>
    </message>
    <message>
        <source>Rejected: not a measurement</source>
        <translation>Avvist: ikke en måling</translation>
    </message>
    <message>
        <source>Rejected: no id</source>
        <translation>Avvist: mangler id</translation>
    </message>
    <message>
        <source>Rejected: no patient</source>
        <translation>Avvist: mangler pasient</translation>
    </message>
    <message>
        <source>Rejected: no parameter code</source>
        <translation>Avvist: mangler parameterkode</translation>
    </message>
    <message>
        <source>Rejected: ambiguous parameter</source>
        <translation>Avvist: tvetydig parameter</translation>
    </message>
    <message>
        <source>Rejected: cancelled or entered in error</source>
        <translation>Avvist: avlyst eller registrert ved en feil</translation>
    </message>
    <message>
        <source>Rejected: no measurement time</source>
        <translation>Avvist: mangler måletidspunkt</translation>
    </message>
    <message>
        <source>Rejected: invalid measurement time</source>
        <translation>Avvist: ugyldig måletidspunkt</translation>
    </message>
    <message>
        <source>Rejected: no value</source>
        <translation>Avvist: mangler verdi</translation>
    </message>
    <message>
        <source>Rejected: value not a number</source>
        <translation>Avvist: verdien er ikke et tall</translation>
    </message>
    <message>
        <source>Rejected: value is a limit (&lt;, &gt;)</source>
        <translation>Avvist: verdien er en grense (&lt;, &gt;)</translation>
    </message>
    <message>
        <source>Rejected: no unit</source>
        <translation>Avvist: mangler enhet</translation>
    </message>
    <message>
        <source>Rejected: unknown unit</source>
        <translation>Avvist: ukjent enhet</translation>
    </message>
    <message>
        <source>Rejected: conflicting units</source>
        <translation>Avvist: motstridende enheter</translation>
    </message>
    <message>
        <source>Rejected: physically impossible value</source>
        <translation>Avvist: fysisk umulig verdi</translation>
    </message>
    <message>
        <source>Rejected: diastolic not below systolic</source>
        <translation>Avvist: diastolisk ikke lavere enn systolisk</translation>
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
        <translation>bevissthet</translation>
    </message>
    <message>
        <source>temp</source>
        <translation>temp</translation>
    </message>
    <message>
        <source>low</source>
        <translation>lav</translation>
    </message>
    <message>
        <source>low-medium (one parameter scores 3)</source>
        <translation>lav–middels (én parameter gir 3)</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>middels</translation>
    </message>
    <message>
        <source>high</source>
        <translation>høy</translation>
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
        <translation>Født</translation>
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
        <translation>Kontakter i ringerekkefølge</translation>
    </message>
    <message>
        <source>GP</source>
        <translation>Fastlege</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Diagnoser</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>Egenbeh.plan</translation>
    </message>
    <message>
        <source>No alarm selected.</source>
        <translation>Ingen alarm valgt.</translation>
    </message>
    <message>
        <source>Loading patient…</source>
        <translation>Laster pasient…</translation>
    </message>
    <message>
        <source>The feed has sent no details for this patient. Identify the caller on the phone.</source>
        <translation>Alarmmottaket har ikke sendt opplysninger om denne pasienten. Identifiser innringeren på telefonen.</translation>
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
        <translation>{0} venter, {1} feilet, {2} levert; eldste ikke leverte: {3}</translation>
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
        <translation>Falske alarmer: {0} av avgjorte alarmer. Teknisk feil: {1} av avgjorte alarmer. Tekniske alarmer (batteri, frakoblet, sabotasje): {2} av alle alarmer.</translation>
    </message>
    <message>
        <source>Noisiest devices</source>
        <translation>Enheter med flest alarmer</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmer</translation>
    </message>
    <message>
        <source>False alarms by kind</source>
        <translation>Falske alarmer per type</translation>
    </message>
    <message>
        <source>False alarms</source>
        <translation>Falske alarmer</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Andel</translation>
    </message>
    <message>
        <source>Heartbeat gaps</source>
        <translation>Brudd i livstegn</translation>
    </message>
    <message>
        <source>Out of contact</source>
        <translation>Uten kontakt</translation>
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
        <translation>Alarmkø — %1 åpne, %2 ikke tatt</translation>
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
        <translation>Opprinnelig frist</translation>
    </message>
    <message>
        <source>New time</source>
        <translation>Nytt tidspunkt</translation>
    </message>
    <message>
        <source>Why it moves (required)</source>
        <translation>Hvorfor den flyttes (påkrevd)</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <source>Say why the callback moves.</source>
        <translation>Skriv hvorfor tilbakeringingen flyttes.</translation>
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
        <translation>Parametere</translation>
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
        <translation>Målinger til gjennomgang</translation>
    </message>
    <message>
        <source>No open yellow or red measurements.</source>
        <translation>Ingen åpne gule eller røde målinger.</translation>
    </message>
    <message>
        <source>%1 red, %2 yellow</source>
        <translation>%1 røde, %2 gule</translation>
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
        <translation>Denne gjennomgangen er ikke lenger i køen.</translation>
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
        <translation>Hvorfor ringe tilbake (påkrevd)</translation>
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
        <translation>Hvem som helst</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Årsak må fylles ut.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Feil brukernavn eller passord.</translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts. Try again in 15 minutes, or ask an administrator to unlock it.</source>
        <translation>Kontoen er sperret etter for mange mislykkede forsøk. Prøv igjen om 15 minutter, eller be en administrator låse den opp.</translation>
    </message>
    <message>
        <source>No accounts exist yet. Create the first administrator with: operator-app accounts add --role admin NAME</source>
        <translation>Det finnes ingen kontoer ennå. Opprett den første administratoren med: operator-app accounts add --role admin NAVN</translation>
    </message>
    <message>
        <source>This account does not handle alarms (administrator). Sign in with a nurse or shift lead account.</source>
        <translation>Denne kontoen håndterer ikke alarmer (administrator). Logg inn med en sykepleier- eller vaktlederkonto.</translation>
    </message>
    <message>
        <source>The sign-in could not be checked (the database does not answer). Try again.</source>
        <translation>Påloggingen kunne ikke kontrolleres (databasen svarer ikke). Prøv igjen.</translation>
    </message>
    <message>
        <source>Your directory account is in no group of this centre. Ask your administrator.</source>
        <translation>Katalogkontoen din er ikke med i noen gruppe ved dette senteret. Spør administratoren.</translation>
    </message>
    <message>
        <source>The centre&apos;s directory cannot be reached. Try again, or call IT support.</source>
        <translation>Senterets brukerkatalog kan ikke nås. Prøv igjen, eller ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>The directory connection is not encrypted; sign-in is refused. Call IT support.</source>
        <translation>Forbindelsen til brukerkatalogen er ikke kryptert; påloggingen avvises. Ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>The sign-in was refused (%1).</source>
        <translation>Påloggingen ble avvist (%1).</translation>
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
        <translation>Brukernavn</translation>
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
        <translation>Starter…</translation>
    </message>
    <message>
        <source>Start-up step</source>
        <translation>Oppstartstrinn</translation>
    </message>
</context>
<context>
    <name>TodayLogModel</name>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
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
        <translation>Dra/piltaster: flytt · hjul, +/-: zoom</translation>
    </message>
    <message>
        <source>Trend plots</source>
        <translation>Trendgrafer</translation>
    </message>
</context>
<context>
    <name>TrendWindow</name>
    <message>
        <source>Home measurements — trends</source>
        <extracomment>the window takes this share of the screen&apos;s free area</extracomment>
        <translation>Hjemmemålinger — trender</translation>
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
        <translation>Alarmdetaljer</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Claim this alarm so no colleague handles it twice</source>
        <translation>Ta alarmen, så ingen kollega behandler den samtidig</translation>
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
        <translation>Registrer hvordan tilbakeringingen gikk</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Flytt…</translation>
    </message>
    <message>
        <source>Move the callback to a later time</source>
        <translation>Flytt tilbakeringingen til senere</translation>
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
        <translation>Hva ble gjort, hvem du ringte, hva ble avtalt</translation>
    </message>
    <message>
        <source>Release (F3)</source>
        <translation>Slipp (F3)</translation>
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
        <translation>Lukk med valgt utfall og notat (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Select an alarm in the queue, or press F2 to claim the most urgent one.</source>
        <translation>Velg en alarm i køen, eller trykk F2 for å ta den mest hastende.</translation>
    </message>
    <message>
        <source>Claimed by %1</source>
        <translation>Tatt av %1</translation>
    </message>
    <message>
        <source>Claimed by you</source>
        <translation>Tatt av deg</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>Not claimed: claim it before you act.</source>
        <translation>Ikke tatt: ta alarmen før du handler.</translation>
    </message>
    <message>
        <source>Another operator is handling this alarm.</source>
        <translation>En annen operatør behandler denne alarmen.</translation>
    </message>
    <message>
        <source>Claim the alarm to close it.</source>
        <translation>Ta alarmen for å lukke den.</translation>
    </message>
    <message>
        <source>Waiting for the database…</source>
        <translation>Venter på databasen…</translation>
    </message>
    <message>
        <source>Choose an outcome (Alt+1…7).</source>
        <translation>Velg et utfall (Alt+1…7).</translation>
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
        <translation>får ikke kontakt med alarmmottaket</translation>
    </message>
    <message>
        <source>the feed refused this desk&apos;s token</source>
        <translation>alarmmottaket avviste pultens nøkkel</translation>
    </message>
    <message>
        <source>the feed&apos;s certificate is not trusted</source>
        <translation>alarmmottakets sertifikat er ikke klarert</translation>
    </message>
    <message>
        <source>the feed address is not valid</source>
        <translation>adressen til alarmmottaket er ugyldig</translation>
    </message>
    <message>
        <source>the feed server did not let the desk in</source>
        <translation>alarmmottaket slapp ikke pulten inn</translation>
    </message>
    <message>
        <source>no data from the feed</source>
        <translation>ingen data fra alarmmottaket</translation>
    </message>
    <message>
        <source>the feed server reported an error</source>
        <translation>alarmmottaket meldte en feil</translation>
    </message>
    <message>
        <source>the feed sent data out of order</source>
        <translation>alarmmottaket sendte data i feil rekkefølge</translation>
    </message>
    <message>
        <source>the desk cannot save to its database</source>
        <translation>pulten får ikke lagret i databasen</translation>
    </message>
    <message>
        <source>an internal error in the desk</source>
        <translation>en intern feil i pulten</translation>
    </message>
    <message>
        <source>a problem with the feed</source>
        <translation>et problem med alarmmottaket</translation>
    </message>
    <message>
        <source>The desk cannot reach the feed server. Check the network; the desk keeps trying. If it lasts more than a few minutes, call IT support.</source>
        <extracomment>the whole sentence: what happened and what to do (``%1``: a value named in it)</extracomment>
        <translation>Pulten får ikke kontakt med alarmmottaket. Sjekk nettverket; pulten prøver igjen av seg selv. Varer det mer enn noen minutter, ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>The feed server refused this desk&apos;s token. Ask IT support for a new token; the desk asks for it at the next start.</source>
        <translation>Alarmmottaket avviste pultens nøkkel. Be IT-brukerstøtte om en ny nøkkel; pulten spør etter den ved neste oppstart.</translation>
    </message>
    <message>
        <source>The feed server&apos;s certificate is not trusted, so the desk will not connect. Call IT support.</source>
        <translation>Alarmmottakets sertifikat er ikke klarert, så pulten kobler seg ikke til. Ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>The feed address in the settings is not valid. Ask IT support to correct it (the setting feed_url).</source>
        <translation>Adressen til alarmmottaket i innstillingene er ugyldig. Be IT-brukerstøtte rette den (innstillingen feed_url).</translation>
    </message>
    <message>
        <source>The feed server did not let the desk in. The desk keeps trying; if it lasts, call IT support.</source>
        <translation>Alarmmottaket slapp ikke pulten inn. Pulten prøver igjen; varer det, ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>The feed has sent nothing for a while. The desk reconnects by itself; if it lasts, call IT support.</source>
        <translation>Alarmmottaket har ikke sendt noe på en stund. Pulten kobler seg til på nytt av seg selv; varer det, ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>The feed server reported an error. The desk keeps trying; if it lasts, call IT support.</source>
        <translation>Alarmmottaket meldte en feil. Pulten prøver igjen; varer det, ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>The feed sent data out of order; the desk reconnects. If it repeats, call IT support.</source>
        <translation>Alarmmottaket sendte data i feil rekkefølge; pulten kobler seg til på nytt. Skjer det igjen, ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>The desk cannot save to its database. Call IT support now, and note your decisions on paper until it works again.</source>
        <translation>Pulten får ikke lagret i databasen. Ring IT-brukerstøtte nå, og noter beslutningene dine på papir til det virker igjen.</translation>
    </message>
    <message>
        <source>An internal error stopped the feed. Restart the desk; if it happens again, call IT support.</source>
        <translation>En intern feil stoppet alarmmottaket. Start pulten på nytt; skjer det igjen, ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>There is a problem with the feed. If it lasts, call IT support.</source>
        <translation>Det er et problem med alarmmottaket. Varer det, ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>The database address in the settings names a kind of database the desk cannot use. Ask IT support to correct it (the setting db_url: sqlite:/// or postgresql+psycopg://).</source>
        <translation>Databaseadressen i innstillingene viser til en databasetype pulten ikke kan bruke. Be IT-brukerstøtte rette den (innstillingen db_url: sqlite:/// eller postgresql+psycopg://).</translation>
    </message>
    <message>
        <source>The desk cannot connect to the database server. Check the network; if it is working, the server may be down or the address or user name in the settings wrong: call IT support.</source>
        <translation>Pulten får ikke kontakt med databaseserveren. Sjekk nettverket; virker det, kan serveren være nede eller adressen eller brukernavnet i innstillingene være feil: ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>The desk cannot open its database. Call IT support and give them the details below.</source>
        <translation>Pulten får ikke åpnet databasen sin. Ring IT-brukerstøtte og gi dem detaljene nedenfor.</translation>
    </message>
    <message>
        <source>The desk cannot read its feed token file. Check that the file exists and only your user may read it, or call IT support.</source>
        <translation>Pulten får ikke lest nøkkelfilen til alarmmottaket. Sjekk at filen finnes og at bare din bruker kan lese den, eller ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>A setting is not valid, so the desk does not start. Ask IT support to correct the setting named in the details.</source>
        <translation>En innstilling er ugyldig, så pulten starter ikke. Be IT-brukerstøtte rette innstillingen som er nevnt i detaljene.</translation>
    </message>
    <message>
        <source>The language setting &quot;%1&quot; is not a language the desk speaks. Choose nb (norsk bokmål), nn (norsk nynorsk) or en (English) in the settings file or in OPERATOR_APP_LANGUAGE.</source>
        <translation>Språkinnstillingen «%1» er ikke et språk pulten kan. Velg nb (norsk bokmål), nn (norsk nynorsk) eller en (English) i innstillingsfilen eller i OPERATOR_APP_LANGUAGE.</translation>
    </message>
    <message>
        <source>That was not saved: the database cannot be reached. Try again in a moment; if it lasts, call IT support.</source>
        <translation>Det ble ikke lagret: databasen kan ikke nås. Prøv igjen om litt; varer det, ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>The database cannot be reached. Your decision is kept on this desk and saved when the database is back; do not enter it again.</source>
        <translation>Databasen kan ikke nås. Beslutningen din er tatt vare på i denne pulten og lagres når databasen er tilbake; ikke legg den inn på nytt.</translation>
    </message>
    <message>
        <source>The callback was not saved. Try again; if it fails again, call IT support.</source>
        <translation>Tilbakeringingen ble ikke lagret. Prøv igjen; feiler det igjen, ring IT-brukerstøtte.</translation>
    </message>
    <message>
        <source>The callback was not changed: it may have been changed at another desk first. Look at the callback list again.</source>
        <translation>Tilbakeringingen ble ikke endret: den kan ha blitt endret ved en annen pult først. Se på listen over tilbakeringinger igjen.</translation>
    </message>
    <message>
        <source>The note was not saved. Copy your text, try again, and if it fails call IT support.</source>
        <translation>Notatet ble ikke lagret. Kopier teksten din, prøv igjen, og ring IT-brukerstøtte hvis det feiler.</translation>
    </message>
    <message>
        <source>The handover was not signed: only a shift lead may sign it, and only once. Ask the shift lead.</source>
        <translation>Vaktrapporten ble ikke signert: bare en vaktleder kan signere den, og bare én gang. Spør vaktlederen.</translation>
    </message>
    <message>
        <source>Something went wrong in the desk, and what you just did may not have been saved. Check it; if it happens again, call IT support.</source>
        <translation>Noe gikk galt i pulten, og det du nettopp gjorde, er kanskje ikke lagret. Sjekk det; skjer det igjen, ring IT-brukerstøtte.</translation>
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
        <translation>%1 (ukjent type)</translation>
    </message>
</context>
</TS>
