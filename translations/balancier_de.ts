<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Balancier::AclRulesEditor</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>ACL rules, first match decides</source>
        <translation>ACL-Regeln, die erste passende entscheidet</translation>
    </message>
    <message>
        <source>Action of the selected rule</source>
        <translation>Aktion der gewählten Regel</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>erlauben</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>verweigern</translation>
    </message>
    <message>
        <source>Addresses of the selected rule</source>
        <translation>Adressen der gewählten Regel</translation>
    </message>
    <message>
        <source>10.0.0.0/8, 2001:db8::/32</source>
        <translation>10.0.0.0/8, 2001:db8::/32</translation>
    </message>
    <message>
        <source>Move the rule up</source>
        <translation>Regel nach oben verschieben</translation>
    </message>
    <message>
        <source>Move the rule down</source>
        <translation>Regel nach unten verschieben</translation>
    </message>
</context>
<context>
    <name>Balancier::AddressProbe</name>
    <message>
        <source>no answer within the time limit</source>
        <translation>keine Antwort innerhalb der Frist</translation>
    </message>
    <message>
        <source>not a single address</source>
        <translation>keine einzelne Adresse</translation>
    </message>
    <message>
        <source>%1 (%2): connected in %3 ms</source>
        <translation>%1 (%2): verbunden in %3 ms</translation>
    </message>
    <message>
        <source>%1 (%2): failed: %3</source>
        <translation>%1 (%2): fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>Balancier::AlertsEditor</name>
    <message>
        <source>exec %1</source>
        <translation>Programm %1</translation>
    </message>
    <message>
        <source>webhook %1</source>
        <translation>Webhook %1</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>alle Ereignisse</translation>
    </message>
    <message>
        <source>Add webhook</source>
        <translation>Webhook hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Alerts, each a webhook or a program</source>
        <translation>Alarme, jeder ein Webhook oder ein Programm</translation>
    </message>
    <message>
        <source>Move the alert up</source>
        <translation>Alarm nach oben verschieben</translation>
    </message>
    <message>
        <source>Move the alert down</source>
        <translation>Alarm nach unten verschieben</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook-URL</translation>
    </message>
    <message>
        <source>An http:// or https:// address each event is POSTed to as JSON; empty for a program.</source>
        <translation>Eine http://- oder https://-Adresse, an die jedes Ereignis als JSON gesendet wird (POST); leer bei einem Programm.</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Absolute path of a program run for each event, with the event in BALANCIER_EVENT_* variables; empty for a webhook.</source>
        <translation>Absoluter Pfad eines Programms, das für jedes Ereignis läuft, mit dem Ereignis in den Variablen BALANCIER_EVENT_*; leer bei einem Webhook.</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Config applied</source>
        <translation>Konfiguration angewendet</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Events of this kind are sent (events=&quot;...&quot;); at least one kind.</source>
        <translation>Ereignisse dieser Art werden gesendet (events=&quot;...&quot;); mindestens eine Art.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Only services</source>
        <translation>Nur Dienste</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Comma-separated: only the events of these services; empty: every service.</source>
        <translation>Durch Kommas getrennt: nur die Ereignisse dieser Dienste; leer: jeder Dienst.</translation>
    </message>
    <message>
        <source>Only groups</source>
        <translation>Nur Gruppen</translation>
    </message>
    <message>
        <source>Comma-separated: only the events of these groups; empty: every group.</source>
        <translation>Durch Kommas getrennt: nur die Ereignisse dieser Gruppen; leer: jede Gruppe.</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>One attempt (request or program run) at most this long.</source>
        <translation>Ein Versuch (Anfrage oder Programmlauf) dauert höchstens so lange.</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Further attempts after a failed one.</source>
        <translation>Weitere Versuche nach einem fehlgeschlagenen.</translation>
    </message>
    <message>
        <source>Backoff</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>The wait before the first retry; doubled for each next one.</source>
        <translation>Die Pause vor der ersten Wiederholung; für jede weitere verdoppelt.</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratengrenze</translation>
    </message>
    <message>
        <source>At most this many deliveries per second, minute or hour (60/m); more wait in the queue.</source>
        <translation>Höchstens so viele Zustellungen je Sekunde, Minute oder Stunde (60/m); weitere warten in der Warteschlange.</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Events waiting for their turn at most; more are dropped and counted.</source>
        <translation>Höchstens so viele Ereignisse warten auf ihre Zustellung; weitere werden verworfen und gezählt.</translation>
    </message>
    <message>
        <source>JSON event</source>
        <translation>JSON-Ereignis</translation>
    </message>
    <message>
        <source>Slack / Teams text</source>
        <translation>Slack-/Teams-Text</translation>
    </message>
    <message>
        <source>A webhook&apos;s body: the event as JSON, or {&quot;text&quot;: ...} for Slack and Microsoft Teams incoming webhooks.</source>
        <translation>Der Inhalt eines Webhooks: das Ereignis als JSON, oder {&quot;text&quot;: ...} für eingehende Webhooks von Slack und Microsoft Teams.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
</context>
<context>
    <name>Balancier::ApplyDialog</name>
    <message>
        <source>Apply to Running Balancer</source>
        <translation>Auf laufenden Balancer anwenden</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>Changes to apply</source>
        <translation>Anzuwendende Änderungen</translation>
    </message>
    <message numerus="yes">
        <source>%n of them affect(s) live traffic (in bold).</source>
        <translation>
            <numerusform>%n davon betrifft laufenden Verkehr (fett).</numerusform>
            <numerusform>%n davon betreffen laufenden Verkehr (fett).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) will be applied to %1, live, without a restart.</source>
        <translation>
            <numerusform>%n Änderung wird im laufenden Betrieb ohne Neustart auf %1 angewendet.</numerusform>
            <numerusform>%n Änderungen werden im laufenden Betrieb ohne Neustart auf %1 angewendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::BalancerClient</name>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Verbinde erneut</translation>
    </message>
    <message>
        <source>This balancer does not list its connections.</source>
        <translation>Dieser Balancer listet seine Verbindungen nicht auf.</translation>
    </message>
    <message>
        <source>This balancer keeps no config history.</source>
        <translation>Dieser Balancer führt keinen Konfigurationsverlauf.</translation>
    </message>
</context>
<context>
    <name>Balancier::ChangeText</name>
    <message>
        <source>service %1: group %2</source>
        <translation>Dienst %1: Gruppe %2</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>Passwort geändert</translation>
    </message>
    <message>
        <source>%1 %2 -&gt; %3</source>
        <translation>%1 %2 -&gt; %3</translation>
    </message>
    <message>
        <source>%1 -&gt; %2</source>
        <translation>%1 -&gt; %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>service %1 added</source>
        <translation>Dienst %1 hinzugefügt</translation>
    </message>
    <message>
        <source>service %1 removed</source>
        <translation>Dienst %1 entfernt</translation>
    </message>
    <message>
        <source>%1: listener %2 added</source>
        <translation>%1: Listener %2 hinzugefügt</translation>
    </message>
    <message>
        <source>%1: listener %2 removed</source>
        <translation>%1: Listener %2 entfernt</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>%1: enabled group %2 -&gt; %3</source>
        <translation>%1: aktive Gruppe %2 -&gt; %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: health: %2</source>
        <translation>%1: Zustandsprüfung: %2</translation>
    </message>
    <message>
        <source>%1: host %2 added (%3)</source>
        <translation>%1: Host %2 hinzugefügt (%3)</translation>
    </message>
    <message>
        <source>%1: host %2 removed</source>
        <translation>%1: Host %2 entfernt</translation>
    </message>
    <message>
        <source>%1: host %2: %3</source>
        <translation>%1: Host %2: %3</translation>
    </message>
    <message>
        <source>admin: user %1 added (%2)</source>
        <translation>Admin: Benutzer %1 hinzugefügt (%2)</translation>
    </message>
    <message>
        <source>admin: user %1 removed</source>
        <translation>Admin: Benutzer %1 entfernt</translation>
    </message>
    <message>
        <source>admin: user %1: %2</source>
        <translation>Admin: Benutzer %1: %2</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>default health: %1</source>
        <translation>Standard-Zustandsprüfung: %1</translation>
    </message>
    <message>
        <source>default timeouts: %1</source>
        <translation>Standard-Zeitlimits: %1</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>administrative change</source>
        <translation>administrative Änderung</translation>
    </message>
    <message>
        <source>address changed from %1 to %2</source>
        <translation>Adresse von %1 auf %2 geändert</translation>
    </message>
    <message>
        <source>removed from the config</source>
        <translation>aus der Konfiguration entfernt</translation>
    </message>
    <message>
        <source>its group was removed</source>
        <translation>seine Gruppe wurde entfernt</translation>
    </message>
    <message>
        <source>its service was removed</source>
        <translation>sein Dienst wurde entfernt</translation>
    </message>
    <message>
        <source>connect failed</source>
        <translation>Verbindungsaufbau fehlgeschlagen</translation>
    </message>
    <message>
        <source>connect failed: %1</source>
        <translation>Verbindungsaufbau fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n consecutive probe(s) failed: %1</source>
        <translation>
            <numerusform>%n Prüfung fehlgeschlagen: %1</numerusform>
            <numerusform>%n aufeinanderfolgende Prüfungen fehlgeschlagen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consecutive probe(s) succeeded</source>
        <translation>
            <numerusform>%n Prüfung erfolgreich</numerusform>
            <numerusform>%n aufeinanderfolgende Prüfungen erfolgreich</numerusform>
        </translation>
    </message>
    <message>
        <source>answered while every host of group &apos;%1&apos; was down</source>
        <translation>hat geantwortet, während alle Hosts der Gruppe „%1“ ausgefallen waren</translation>
    </message>
    <message numerus="yes">
        <source>drain timeout %1 passed: %n open connection(s) cut</source>
        <translation>
            <numerusform>Drain-Zeitlimit %1 abgelaufen: %n offene Verbindung getrennt</numerusform>
            <numerusform>Drain-Zeitlimit %1 abgelaufen: %n offene Verbindungen getrennt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: PROXY protocol header sent to the hosts: %2 -&gt; %3</source>
        <translation>%1: an die Hosts gesendeter PROXY-Protokoll-Header: %2 -&gt; %3</translation>
    </message>
    <message>
        <source>logging: %1</source>
        <translation>Protokollierung: %1</translation>
    </message>
    <message>
        <source>%1 %2 added to service %3&apos;s ACL</source>
        <translation>%1 %2 zur ACL von Dienst %3 hinzugefügt</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>erlauben</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>verweigern</translation>
    </message>
    <message>
        <source>%1 %2 removed from service %3&apos;s ACL</source>
        <translation>%1 %2 aus der ACL von Dienst %3 entfernt</translation>
    </message>
    <message>
        <source>%1: ACL: %2</source>
        <translation>%1: ACL: %2</translation>
    </message>
    <message>
        <source>%1: backups and host failure: %2</source>
        <translation>%1: Backups und Host-Ausfall: %2</translation>
    </message>
    <message numerus="yes">
        <source>drain deadline passed: %n open connection(s) cut</source>
        <translation>
            <numerusform>Drain-Frist abgelaufen: %n offene Verbindung getrennt</numerusform>
            <numerusform>Drain-Frist abgelaufen: %n offene Verbindungen getrennt</numerusform>
        </translation>
    </message>
    <message>
        <source>for clients that do not speak TLS</source>
        <translation>für Clients, die kein TLS sprechen</translation>
    </message>
    <message>
        <source>%1: TLS route %2 to group %3 added</source>
        <translation>%1: TLS-Route %2 zur Gruppe %3 hinzugefügt</translation>
    </message>
    <message>
        <source>%1: TLS route %2 to group %3 removed</source>
        <translation>%1: TLS-Route %2 zur Gruppe %3 entfernt</translation>
    </message>
    <message>
        <source>%1: TLS route %2: %3</source>
        <translation>%1: TLS-Route %2: %3</translation>
    </message>
    <message>
        <source>%1: TLS routes: %2</source>
        <translation>%1: TLS-Routen: %2</translation>
    </message>
    <message>
        <source>alert %1 added (%2)</source>
        <translation>Alarm %1 hinzugefügt (%2)</translation>
    </message>
    <message>
        <source>alert %1 removed (%2)</source>
        <translation>Alarm %1 entfernt (%2)</translation>
    </message>
    <message>
        <source>alert %1: %2</source>
        <translation>Alarm %1: %2</translation>
    </message>
    <message>
        <source>%1: hosts discovered from the DNS SRV record %2</source>
        <translation>%1: Hosts aus dem DNS-SRV-Eintrag %2 ermittelt</translation>
    </message>
    <message>
        <source>%1: DNS discovery from %2 stops; its hosts leave</source>
        <translation>%1: DNS-Ermittlung aus %2 endet; ihre Hosts gehen</translation>
    </message>
    <message>
        <source>%1: DNS discovery: %2</source>
        <translation>%1: DNS-Ermittlung: %2</translation>
    </message>
    <message>
        <source>discovered by DNS (%1)</source>
        <translation>per DNS ermittelt (%1)</translation>
    </message>
    <message>
        <source>its DNS record is gone (%1)</source>
        <translation>sein DNS-Eintrag ist weg (%1)</translation>
    </message>
    <message>
        <source>%1: backend feedback (slow start, agent check): %2</source>
        <translation>%1: Backend-Rückmeldung (Sanftstart, Agent-Prüfung): %2</translation>
    </message>
    <message>
        <source>the agent said %1</source>
        <translation>der Agent meldete %1</translation>
    </message>
    <message>
        <source>the agent said %1: %2</source>
        <translation>der Agent meldete %1: %2</translation>
    </message>
    <message>
        <source>the agent said up</source>
        <translation>der Agent meldete up</translation>
    </message>
    <message>
        <source>the agent set %1</source>
        <translation>der Agent setzte %1</translation>
    </message>
    <message>
        <source>the agent check was switched off</source>
        <translation>die Agent-Prüfung wurde abgeschaltet</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigDraft</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 (imported)</source>
        <translation>%1 (importiert)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Edit XML source (line %1)</source>
        <translation>XML-Quelltext bearbeiten (Zeile %1)</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigEditor</name>
    <message>
        <source>&amp;New Config</source>
        <translation>&amp;Neue Konfiguration</translation>
    </message>
    <message>
        <source>Start a new config</source>
        <translation>Eine neue Konfiguration beginnen</translation>
    </message>
    <message>
        <source>&amp;Open Config…</source>
        <translation>Konfiguration ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a config file</source>
        <translation>Eine Konfigurationsdatei öffnen</translation>
    </message>
    <message>
        <source>&amp;Save Config</source>
        <translation>Konfiguration &amp;speichern</translation>
    </message>
    <message>
        <source>Save the config (comments are kept)</source>
        <translation>Die Konfiguration speichern (Kommentare bleiben erhalten)</translation>
    </message>
    <message>
        <source>Save Config &amp;As…</source>
        <translation>Konfiguration speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save the config under another name</source>
        <translation>Die Konfiguration unter einem anderen Namen speichern</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>Die letzte Bearbeitung rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Redo the edit undone last</source>
        <translation>Die zuletzt rückgängig gemachte Bearbeitung wiederholen</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>Add &amp;Service</source>
        <translation>&amp;Dienst hinzufügen</translation>
    </message>
    <message>
        <source>Add a service</source>
        <translation>Einen Dienst hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;Listener</source>
        <translation>&amp;Listener hinzufügen</translation>
    </message>
    <message>
        <source>Add a listener to the selected service</source>
        <translation>Dem gewählten Dienst einen Listener hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;Group</source>
        <translation>&amp;Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Add a group to the selected service</source>
        <translation>Dem gewählten Dienst eine Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;Host</source>
        <translation>&amp;Host hinzufügen</translation>
    </message>
    <message>
        <source>Add a host to the selected group</source>
        <translation>Der gewählten Gruppe einen Host hinzufügen</translation>
    </message>
    <message>
        <source>Add Admin &amp;User</source>
        <translation>Admin-&amp;Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>Add an admin API user</source>
        <translation>Einen Benutzer der Admin-API hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove Item</source>
        <translation>Eintrag &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation>Den gewählten Eintrag entfernen</translation>
    </message>
    <message>
        <source>&amp;Apply to Running Balancer…</source>
        <translation>Auf laufenden Balancer &amp;anwenden…</translation>
    </message>
    <message>
        <source>Show what changes, then apply the draft to the running balancer</source>
        <translation>Zeigen, was sich ändert, dann den Entwurf auf den laufenden Balancer anwenden</translation>
    </message>
    <message>
        <source>Re&amp;vert to Running Config</source>
        <translation>Auf laufende Konfiguration &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Replace the draft with the running config</source>
        <translation>Den Entwurf durch die laufende Konfiguration ersetzen</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Config items</source>
        <translation>Konfigurationseinträge</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;Problems:</source>
        <translation>&amp;Probleme:</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Ausstehende Änderungen</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Anwenden…</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>running config</source>
        <translation>laufende Konfiguration</translation>
    </message>
    <message>
        <source>Open Config</source>
        <translation>Konfiguration öffnen</translation>
    </message>
    <message>
        <source>Cannot open %1.</source>
        <translation>%1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Imported Legacy Config</source>
        <translation>Alte Konfiguration importiert</translation>
    </message>
    <message>
        <source>%1 was written for an older balancer and was converted. Check the import report, then save the converted config under a new name.</source>
        <translation>%1 wurde für einen älteren Balancer geschrieben und umgewandelt. Prüfen Sie den Importbericht und speichern Sie die umgewandelte Konfiguration unter einem neuen Namen.</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Balancier configs (*.xml);;All files (*)</source>
        <translation>Balancier-Konfigurationen (*.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Config</source>
        <translation>Konfiguration speichern</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Config As</source>
        <translation>Konfiguration speichern unter</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The config %1 has unsaved changes. Save them?</source>
        <translation>Die Konfiguration %1 hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Line %1: </source>
        <translation>Zeile %1: </translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>Keine Probleme.</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>Add service %1</source>
        <translation>Dienst %1 hinzufügen</translation>
    </message>
    <message>
        <source>Add listener %1</source>
        <translation>Listener %1 hinzufügen</translation>
    </message>
    <message>
        <source>Add group %1</source>
        <translation>Gruppe %1 hinzufügen</translation>
    </message>
    <message>
        <source>Add host %1</source>
        <translation>Host %1 hinzufügen</translation>
    </message>
    <message>
        <source>Add admin user %1</source>
        <translation>Admin-Benutzer %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove service %1</source>
        <translation>Dienst %1 entfernen</translation>
    </message>
    <message>
        <source>Remove listener %1</source>
        <translation>Listener %1 entfernen</translation>
    </message>
    <message>
        <source>Remove group %1</source>
        <translation>Gruppe %1 entfernen</translation>
    </message>
    <message>
        <source>Remove host %1</source>
        <translation>Host %1 entfernen</translation>
    </message>
    <message>
        <source>Remove admin user %1</source>
        <translation>Admin-Benutzer %1 entfernen</translation>
    </message>
    <message>
        <source>Reading the running config…</source>
        <translation>Lese die laufende Konfiguration…</translation>
    </message>
    <message>
        <source>Not connected to a balancer: nothing to compare the draft with.</source>
        <translation>Mit keinem Balancer verbunden: nichts, womit der Entwurf verglichen werden kann.</translation>
    </message>
    <message>
        <source>The XML source is not well-formed: fix it to compare with the running config.</source>
        <translation>Der XML-Quelltext ist nicht wohlgeformt: korrigieren Sie ihn, um ihn mit der laufenden Konfiguration zu vergleichen.</translation>
    </message>
    <message>
        <source>The draft matches the running config.</source>
        <translation>Der Entwurf entspricht der laufenden Konfiguration.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not applied to the running balancer: </source>
        <translation>
            <numerusform>%n Änderung noch nicht auf den laufenden Balancer angewendet: </numerusform>
            <numerusform>%n Änderungen noch nicht auf den laufenden Balancer angewendet: </numerusform>
        </translation>
    </message>
    <message>
        <source>Apply to Running Balancer</source>
        <translation>Auf laufenden Balancer anwenden</translation>
    </message>
    <message>
        <source>The draft has errors (see Problems). Fix them before applying it.</source>
        <translation>Der Entwurf enthält Fehler (siehe Probleme). Beheben Sie sie vor dem Anwenden.</translation>
    </message>
    <message>
        <source>Cannot read the running config: %1</source>
        <translation>Die laufende Konfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Nothing to apply: the draft matches the running config.</source>
        <translation>Nichts anzuwenden: der Entwurf entspricht der laufenden Konfiguration.</translation>
    </message>
    <message>
        <source>The balancer refused the config; nothing was changed.</source>
        <translation>Der Balancer hat die Konfiguration abgelehnt; nichts wurde geändert.</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n change(s).</source>
        <translation>
            <numerusform>%n Änderung angewendet.</numerusform>
            <numerusform>%n Änderungen angewendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revert to the running config</source>
        <translation>Auf die laufende Konfiguration zurücksetzen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <source>Config &amp;History</source>
        <translation>Konfigurationsver&amp;lauf</translation>
    </message>
    <message>
        <source>Show the versions of the running config and roll back to one</source>
        <translation>Die Versionen der laufenden Konfiguration zeigen und auf eine davon zurücksetzen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>running when connected</source>
        <translation>lief beim Verbinden</translation>
    </message>
    <message>
        <source>changed outside this editor</source>
        <translation>außerhalb dieses Editors geändert</translation>
    </message>
    <message>
        <source>Line %1:%2: </source>
        <translation>Zeile %1:%2: </translation>
    </message>
    <message>
        <source>applied from this editor</source>
        <translation>aus diesem Editor angewendet</translation>
    </message>
    <message>
        <source>applied config</source>
        <translation>angewendete Konfiguration</translation>
    </message>
    <message>
        <source>Nothing to roll back: version %1 is what runs.</source>
        <translation>Nichts zurückzusetzen: Version %1 läuft bereits.</translation>
    </message>
    <message>
        <source>Roll Back to Version %1</source>
        <translation>Auf Version %1 zurücksetzen</translation>
    </message>
    <message>
        <source>rollback to version %1</source>
        <translation>Rücksetzung auf Version %1</translation>
    </message>
    <message>
        <source>Running config</source>
        <translation>Laufende Konfiguration</translation>
    </message>
    <message>
        <source>The editor shows the running config.</source>
        <translation>Der Editor zeigt die laufende Konfiguration.</translation>
    </message>
    <message>
        <source>Running Config</source>
        <translation>Laufende Konfiguration</translation>
    </message>
    <message>
        <source>The balancer runs a config that differs from your edited draft %1. Keep editing the draft, or load the running config into the editor (the draft&apos;s unsaved edits are discarded)?</source>
        <translation>Der Balancer führt eine Konfiguration aus, die von Ihrem bearbeiteten Entwurf %1 abweicht. Den Entwurf weiter bearbeiten oder die laufende Konfiguration in den Editor laden (die nicht gespeicherten Änderungen des Entwurfs gehen verloren)?</translation>
    </message>
    <message>
        <source>&amp;Keep My Draft</source>
        <translation>Entwurf &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Load the Running Config</source>
        <translation>Laufende Konfiguration &amp;laden</translation>
    </message>
    <message>
        <source>Not applied: the running config was changed by someone else meanwhile.</source>
        <translation>Nicht angewendet: die laufende Konfiguration wurde inzwischen von jemand anderem geändert.</translation>
    </message>
    <message>
        <source>Rebase onto the running config</source>
        <translation>Auf die laufende Konfiguration umbasieren</translation>
    </message>
    <message>
        <source>The draft is rebased onto the running config; review it and apply.</source>
        <translation>Der Entwurf basiert jetzt auf der laufenden Konfiguration; prüfen Sie ihn und wenden Sie ihn an.</translation>
    </message>
    <message>
        <source>Discard the draft&apos;s changes</source>
        <translation>Die Änderungen des Entwurfs verwerfen</translation>
    </message>
    <message>
        <source>The draft&apos;s changes were discarded: the editor shows the running config.</source>
        <translation>Die Änderungen des Entwurfs wurden verworfen: der Editor zeigt die laufende Konfiguration.</translation>
    </message>
    <message>
        <source>Changed by someone else:</source>
        <translation>Von jemand anderem geändert:</translation>
    </message>
    <message>
        <source>Your changes:</source>
        <translation>Ihre Änderungen:</translation>
    </message>
    <message>
        <source>None of your changes touches what they changed.</source>
        <translation>Keine Ihrer Änderungen berührt, was dort geändert wurde.</translation>
    </message>
    <message>
        <source>%1 (they: %2)</source>
        <translation>%1 (andere: %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n of your changes touch(es) an item they changed too; the rebased draft keeps your version:</source>
        <translation>
            <numerusform>%n Ihrer Änderungen betrifft einen Eintrag, der auch dort geändert wurde; der umbasierte Entwurf behält Ihre Fassung:</numerusform>
            <numerusform>%n Ihrer Änderungen betreffen Einträge, die auch dort geändert wurden; der umbasierte Entwurf behält Ihre Fassung:</numerusform>
        </translation>
    </message>
    <message>
        <source>Running Config Changed</source>
        <translation>Laufende Konfiguration geändert</translation>
    </message>
    <message numerus="yes">
        <source>Someone else applied %n change(s) to the running balancer since your draft was based on it. Your draft was not applied.</source>
        <translation>
            <numerusform>Jemand anderes hat seit der Grundlage Ihres Entwurfs %n Änderung auf den laufenden Balancer angewendet. Ihr Entwurf wurde nicht angewendet.</numerusform>
            <numerusform>Jemand anderes hat seit der Grundlage Ihres Entwurfs %n Änderungen auf den laufenden Balancer angewendet. Ihr Entwurf wurde nicht angewendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rebase your %n change(s) onto the running config?</source>
        <translation>
            <numerusform>Ihre %n Änderung auf die laufende Konfiguration umbasieren?</numerusform>
            <numerusform>Ihre %n Änderungen auf die laufende Konfiguration umbasieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply &amp;Rebased Draft</source>
        <translation>&amp;Umbasierten Entwurf anwenden</translation>
    </message>
    <message>
        <source>&amp;Edit Rebased Draft</source>
        <translation>Umbasierten Entwurf &amp;bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Discard My Changes</source>
        <translation>Meine Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>The balancer refused the rollback; nothing was changed.</source>
        <translation>Der Balancer hat die Rücksetzung abgelehnt; nichts wurde geändert.</translation>
    </message>
    <message numerus="yes">
        <source>Rolled back to version %1: %n change(s).</source>
        <translation>
            <numerusform>Auf Version %1 zurückgesetzt: %n Änderung.</numerusform>
            <numerusform>Auf Version %1 zurückgesetzt: %n Änderungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The running config was changed by someone else; fix the XML source to compare your draft with it, then apply again.</source>
        <translation>Die laufende Konfiguration wurde von jemand anderem geändert; korrigieren Sie den XML-Quelltext, um Ihren Entwurf mit ihr zu vergleichen, und wenden Sie ihn dann erneut an.</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigHistory</name>
    <message>
        <source>%1 (running)</source>
        <translation>%1 (läuft)</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>first version seen</source>
        <translation>erste gesehene Version</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s): %1; …</source>
        <translation>
            <numerusform>%n Änderung: %1; …</numerusform>
            <numerusform>%n Änderungen: %1; …</numerusform>
        </translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>admin API, %1</source>
        <translation>Admin-API, %1</translation>
    </message>
    <message>
        <source>desktop app</source>
        <translation>Desktop-App</translation>
    </message>
    <message>
        <source>desktop app, %1</source>
        <translation>Desktop-App, %1</translation>
    </message>
    <message>
        <source>reload (SIGHUP)</source>
        <translation>Neu laden (SIGHUP)</translation>
    </message>
    <message>
        <source>daemon started</source>
        <translation>Daemon gestartet</translation>
    </message>
    <message>
        <source>rollback to version %1</source>
        <translation>Zurück zu Version %1</translation>
    </message>
    <message>
        <source>rollback to version %1, %2</source>
        <translation>Zurück zu Version %1, %2</translation>
    </message>
    <message>
        <source>balancer</source>
        <translation>Balancer</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigTreeModel</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>one worker per core</source>
        <translation>ein Worker pro Kern</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n Worker</numerusform>
            <numerusform>%n Worker</numerusform>
        </translation>
    </message>
    <message>
        <source>Admin API</source>
        <translation>Admin-API</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>full access</source>
        <translation>Vollzugriff</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>nur lesen</translation>
    </message>
    <message>
        <source>listener</source>
        <translation>Listener</translation>
    </message>
    <message>
        <source>%1, enabled</source>
        <translation>%1, aktiv</translation>
    </message>
    <message>
        <source>%1, weight %2</source>
        <translation>%1, Gewicht %2</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectDialog</name>
    <message>
        <source>Run a config &amp;file in this app</source>
        <translation>Eine Konfigurations&amp;datei in dieser App ausführen</translation>
    </message>
    <message>
        <source>Connect to a running &amp;balancierd</source>
        <translation>Mit einem laufenden &amp;balancierd verbinden</translation>
    </message>
    <message>
        <source>Connect to a Balancer</source>
        <translation>Mit einem Balancer verbinden</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Gespeicherte Profile</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>z. B. Produktion</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Config &amp;file:</source>
        <translation>Konfigurations&amp;datei:</translation>
    </message>
    <message>
        <source>Admin API &amp;URL:</source>
        <translation>&amp;URL der Admin-API:</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>The password is asked for when connecting and is never saved.</source>
        <translation>Das Passwort wird beim Verbinden abgefragt und nie gespeichert.</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Save Profile</source>
        <translation>Profil &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Delete Profile</source>
        <translation>Profil &amp;löschen</translation>
    </message>
    <message>
        <source>Sa&amp;ved profiles:</source>
        <translation>&amp;Gespeicherte Profile:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Config File</source>
        <translation>Konfigurationsdatei</translation>
    </message>
    <message>
        <source>Balancier configs (*.xml);;All files (*)</source>
        <translation>Balancier-Konfigurationen (*.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a config file.</source>
        <translation>Wählen Sie eine Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>Enter the admin user&apos;s name.</source>
        <translation>Geben Sie den Namen des Admin-Benutzers ein.</translation>
    </message>
    <message>
        <source>Enter the admin API&apos;s URL, e.g. %1 or https://balancer.example:8443.</source>
        <translation>Geben Sie die URL der Admin-API ein, z. B. %1 oder https://balancer.example:8443.</translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectionBanner</name>
    <message>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectionTableModel</name>
    <message>
        <source>(none yet)</source>
        <translation>(noch keiner)</translation>
    </message>
    <message>
        <source>Connection %1 from %2 to %3</source>
        <translation>Verbindung %1 von %2 an %3</translation>
    </message>
    <message>
        <source>%1 bytes from the client, %2 bytes to the client</source>
        <translation>%1 Bytes vom Client, %2 Bytes an den Client</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Why this backend</source>
        <translation>Warum dieses Backend</translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectionText</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>round robin</source>
        <translation>Round Robin</translation>
    </message>
    <message>
        <source>weighted round robin</source>
        <translation>gewichtetes Round Robin</translation>
    </message>
    <message>
        <source>least connections</source>
        <translation>wenigste Verbindungen</translation>
    </message>
    <message>
        <source>least connections, round robin among equals</source>
        <translation>wenigste Verbindungen, Round Robin unter Gleichen</translation>
    </message>
    <message>
        <source>better of two random choices</source>
        <translation>bessere von zwei Zufallswahlen</translation>
    </message>
    <message>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <source>sticky: new client</source>
        <translation>sticky: neuer Client</translation>
    </message>
    <message>
        <source>sticky: seen %1 ago</source>
        <translation>sticky: vor %1 gesehen</translation>
    </message>
    <message>
        <source>hash bucket %1 of %2</source>
        <translation>Hash-Bucket %1 von %2</translation>
    </message>
    <message>
        <source>Maglev entry %1 of %2</source>
        <translation>Maglev-Eintrag %1 von %2</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>unerreichbar</translation>
    </message>
    <message>
        <source>not resolved</source>
        <translation>nicht aufgelöst</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>backend, then what happened</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>failover after %1</source>
        <translation>Failover nach %1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between failed backends</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>%1; %2</source>
        <comment>the scheduler&apos;s reason; the failover</comment>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>reading PROXY header</source>
        <translation>liest PROXY-Header</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>established</source>
        <translation>aufgebaut</translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectionsPage</name>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation>Offene Verbindungen</translation>
    </message>
    <message>
        <source>Top talkers</source>
        <translation>Aktivste Clients</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Dienste</translation>
    </message>
    <message>
        <source>any group</source>
        <translation>jede Gruppe</translation>
    </message>
    <message>
        <source>any backend</source>
        <translation>jedes Backend</translation>
    </message>
    <message>
        <source>e.g. 10.1.0.0/16</source>
        <translation>z. B. 10.1.0.0/16</translation>
    </message>
    <message>
        <source>Only clients in this network (CIDR), IPv4 or IPv6</source>
        <translation>Nur Clients in diesem Netz (CIDR), IPv4 oder IPv6</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>jedes Alter</translation>
    </message>
    <message>
        <source>Only connections open at least this long</source>
        <translation>Nur Verbindungen, die mindestens so lange offen sind</translation>
    </message>
    <message>
        <source> kB</source>
        <translation> kB</translation>
    </message>
    <message>
        <source>any size</source>
        <translation>jede Menge</translation>
    </message>
    <message>
        <source>Only connections that moved at least this much, both ways together</source>
        <translation>Nur Verbindungen, die mindestens so viel übertragen haben, beide Richtungen zusammen</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Älteste zuerst</translation>
    </message>
    <message>
        <source>Most bytes first</source>
        <translation>Meiste Bytes zuerst</translation>
    </message>
    <message>
        <source>By client</source>
        <translation>Nach Client</translation>
    </message>
    <message>
        <source>By backend</source>
        <translation>Nach Backend</translation>
    </message>
    <message>
        <source>By id (newest last)</source>
        <translation>Nach ID (neueste zuletzt)</translation>
    </message>
    <message>
        <source>The balancer&apos;s order, across every page</source>
        <translation>Die Reihenfolge des Balancers, über alle Seiten</translation>
    </message>
    <message>
        <source>Rows per page</source>
        <translation>Zeilen pro Seite</translation>
    </message>
    <message>
        <source>by open connections</source>
        <translation>nach offenen Verbindungen</translation>
    </message>
    <message>
        <source>by new connections per second</source>
        <translation>nach neuen Verbindungen pro Sekunde</translation>
    </message>
    <message>
        <source>by bytes</source>
        <translation>nach Bytes</translation>
    </message>
    <message>
        <source>&amp;Close Connection…</source>
        <translation>Verbindung &amp;schließen…</translation>
    </message>
    <message>
        <source>Close the selected connections (needs full access)</source>
        <translation>Die ausgewählten Verbindungen schließen (braucht vollen Zugriff)</translation>
    </message>
    <message>
        <source>&amp;Block Prefix</source>
        <translation>Präfix &amp;sperren</translation>
    </message>
    <message>
        <source>Add a deny rule for the selected prefix to the service&apos;s ACL in the draft; Apply makes it take effect</source>
        <translation>Eine Sperrregel für das ausgewählte Präfix in die ACL des Dienstes im Entwurf einfügen; Anwenden macht sie wirksam</translation>
    </message>
    <message>
        <source>Block This &amp;Client</source>
        <translation>Diesen &amp;Client sperren</translation>
    </message>
    <message>
        <source>Add a deny rule for the client&apos;s address to the service&apos;s ACL in the draft</source>
        <translation>Eine Sperrregel für die Adresse des Clients in die ACL des Dienstes im Entwurf einfügen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>Cl&amp;ient:</source>
        <translation>Cl&amp;ient:</translation>
    </message>
    <message>
        <source>Open &amp;at least:</source>
        <translation>Offen &amp;mindestens:</translation>
    </message>
    <message>
        <source>&amp;Moved at least:</source>
        <translation>Ü&amp;bertragen mindestens:</translation>
    </message>
    <message>
        <source>S&amp;ort:</source>
        <translation>S&amp;ortierung:</translation>
    </message>
    <message>
        <source>&amp;Rows per page:</source>
        <translation>&amp;Zeilen pro Seite:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Top talkers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aktivste Clients&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The balancer did not list its connections: %1</source>
        <translation>Der Balancer hat seine Verbindungen nicht aufgelistet: %1</translation>
    </message>
    <message>
        <source>No open connections match.</source>
        <translation>Keine offene Verbindung passt.</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 von %3</translation>
    </message>
    <message>
        <source>Close the connection from %1 to %2 (service %3)?

Both ends see it closed; the client may connect again.</source>
        <translation>Die Verbindung von %1 an %2 (Dienst %3) schließen?

Beide Enden sehen sie geschlossen; der Client kann sich erneut verbinden.</translation>
    </message>
    <message>
        <source>no backend yet</source>
        <translation>noch kein Backend</translation>
    </message>
    <message>
        <source>Close %1 connections?

Both ends of each see it closed; the clients may connect again.</source>
        <translation>%1 Verbindungen schließen?

Beide Enden sehen sie jeweils geschlossen; die Clients können sich erneut verbinden.</translation>
    </message>
    <message>
        <source>Close Connections</source>
        <translation>Verbindungen schließen</translation>
    </message>
    <message>
        <source>Connection %1 closed.</source>
        <translation>Verbindung %1 geschlossen.</translation>
    </message>
    <message>
        <source>The balancer refused to close connection %1: closing connections needs a user with full access, and this login is read-only (%2). Connect as a user with access=&quot;full&quot; to close connections.</source>
        <translation>Der Balancer hat das Schließen von Verbindung %1 abgelehnt: dazu braucht es einen Benutzer mit vollem Zugriff, und diese Anmeldung ist nur lesend (%2). Verbinden Sie sich als Benutzer mit access=&quot;full&quot;, um Verbindungen zu schließen.</translation>
    </message>
    <message>
        <source>Connection %1 was not closed: %2</source>
        <translation>Verbindung %1 wurde nicht geschlossen: %2</translation>
    </message>
    <message>
        <source>The draft has no service %1.</source>
        <translation>Der Entwurf hat keinen Dienst %1.</translation>
    </message>
    <message>
        <source>%1 is blocked in service %2 already (the ACL&apos;s first rule).</source>
        <translation>%1 ist im Dienst %2 schon gesperrt (die erste Regel der ACL).</translation>
    </message>
    <message>
        <source>There is no draft to add the rule to.</source>
        <translation>Es gibt keinen Entwurf, in den die Regel kann.</translation>
    </message>
    <message>
        <source>The draft is not a well-formed config (%1); fix it on the Configuration page first.</source>
        <translation>Der Entwurf ist keine wohlgeformte Konfiguration (%1); korrigieren Sie ihn zuerst auf der Seite Konfiguration.</translation>
    </message>
    <message>
        <source>Block Prefix</source>
        <translation>Präfix sperren</translation>
    </message>
    <message>
        <source>Block %1 in which service?</source>
        <translation>%1 in welchem Dienst sperren?</translation>
    </message>
    <message>
        <source>Block %1 in service %2</source>
        <translation>%1 im Dienst %2 sperren</translation>
    </message>
    <message>
        <source>The draft could not take the deny rule for %1: this version does not write &lt;acl&gt; into the config.</source>
        <translation>Der Entwurf konnte die Sperrregel für %1 nicht aufnehmen: diese Version schreibt kein &lt;acl&gt; in die Konfiguration.</translation>
    </message>
    <message>
        <source>Deny rule for %1 added to the ACL of service %2 in the draft. Review it on the Configuration page and Apply it to take effect.</source>
        <translation>Sperrregel für %1 zur ACL des Dienstes %2 im Entwurf hinzugefügt. Prüfen Sie sie auf der Seite Konfiguration und wenden Sie sie an, damit sie wirkt.</translation>
    </message>
    <message>
        <source>%1 blocked in the draft of service %2; Apply to take effect.</source>
        <translation>%1 im Entwurf des Dienstes %2 gesperrt; Anwenden, damit es wirkt.</translation>
    </message>
</context>
<context>
    <name>Balancier::DashboardModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>enabled, %1</source>
        <translation>aktiv, %1</translation>
    </message>
    <message>
        <source>standby, %1</source>
        <translation>in Reserve, %1</translation>
    </message>
    <message>
        <source>no host up</source>
        <translation>kein Host verfügbar</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 at %2, weight %3</source>
        <translation>%1 unter %2, Gewicht %3</translation>
    </message>
    <message>
        <source>at most %1 connections</source>
        <translation>höchstens %1 Verbindungen</translation>
    </message>
    <message>
        <source>Scheduler: %1</source>
        <translation>Verteiler: %1</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Bytes ein</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Bytes aus</translation>
    </message>
    <message>
        <source>In/s</source>
        <translation>Ein/s</translation>
    </message>
    <message>
        <source>Out/s</source>
        <translation>Aus/s</translation>
    </message>
    <message>
        <source>Since change</source>
        <translation>Seit Änderung</translation>
    </message>
    <message>
        <source>%1 of at most %2 open connections</source>
        <translation>%1 von höchstens %2 offenen Verbindungen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, backup (standby)</source>
        <translation>, Backup (in Bereitschaft)</translation>
    </message>
    <message>
        <source>, backup</source>
        <translation>, Backup</translation>
    </message>
    <message>
        <source>, drain: %1 left</source>
        <translation>, Drain: noch %1</translation>
    </message>
    <message>
        <source>, then remove</source>
        <translation>, danach entfernen</translation>
    </message>
    <message>
        <source>, then maintenance</source>
        <translation>, danach Wartung</translation>
    </message>
    <message>
        <source>%1, backup active</source>
        <translation>%1, Backup aktiv</translation>
    </message>
    <message>
        <source>default (the enabled group)</source>
        <translation>Vorgabe (die aktive Gruppe)</translation>
    </message>
    <message>
        <source>not TLS</source>
        <translation>kein TLS</translation>
    </message>
    <message numerus="yes">
        <source>%1 -&gt; %2: %n connection(s)</source>
        <translation>
            <numerusform>%1 -&gt; %2: %n Verbindung</numerusform>
            <numerusform>%1 -&gt; %2: %n Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <source>TLS routes to this group:</source>
        <translation>TLS-Routen zu dieser Gruppe:</translation>
    </message>
    <message>
        <source>TLS routes:</source>
        <translation>TLS-Routen:</translation>
    </message>
    <message>
        <source>discovered by DNS (SRV record); not in the config file</source>
        <translation>per DNS ermittelt (SRV-Eintrag); nicht in der Konfigurationsdatei</translation>
    </message>
    <message>
        <source>discovered by DNS (an address of its name); not in the config file</source>
        <translation>per DNS ermittelt (eine Adresse seines Namens); nicht in der Konfigurationsdatei</translation>
    </message>
    <message>
        <source>DNS discovery: %1</source>
        <translation>DNS-Ermittlung: %1</translation>
    </message>
    <message>
        <source>not looked up yet</source>
        <translation>noch nicht abgefragt</translation>
    </message>
    <message numerus="yes">
        <source>last lookup %1: %n record(s)</source>
        <translation>
            <numerusform>letzte Abfrage %1: %n Eintrag</numerusform>
            <numerusform>letzte Abfrage %1: %n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>failing: %1 (the last good records stay)</source>
        <translation>schlägt fehl: %1 (die letzten guten Einträge bleiben)</translation>
    </message>
    <message numerus="yes">
        <source>TLS on %1: %2, expires %3 (%n day(s) left)</source>
        <translation>
            <numerusform>TLS auf %1: %2, läuft ab am %3 (noch %n Tag)</numerusform>
            <numerusform>TLS auf %1: %2, läuft ab am %3 (noch %n Tage)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 handshakes/s, %2 completed, %3 failed, %4 timed out</source>
        <translation>%1 Handshakes/s, %2 abgeschlossen, %3 fehlgeschlagen, %4 mit Zeitüberschreitung</translation>
    </message>
    <message>
        <source>kernel TLS in use</source>
        <translation>Kernel-TLS in Verwendung</translation>
    </message>
    <message>
        <source>Warning: a certificate of this listener expires within 14 days</source>
        <translation>Warnung: Ein Zertifikat dieses Listeners läuft innerhalb von 14 Tagen ab</translation>
    </message>
    <message>
        <source>%1, slow start: weight %2 of %3</source>
        <translation>%1, Sanftstart: Gewicht %2 von %3</translation>
    </message>
    <message>
        <source>%1, agent: weight %2 of %3</source>
        <translation>%1, Agent: Gewicht %2 von %3</translation>
    </message>
    <message>
        <source>effective weight %1</source>
        <translation>wirksames Gewicht %1</translation>
    </message>
    <message>
        <source>agent said &quot;%1&quot;</source>
        <translation>Agent meldete „%1“</translation>
    </message>
    <message>
        <source>agent changed: %1</source>
        <translation>Agent änderte: %1</translation>
    </message>
</context>
<context>
    <name>Balancier::DashboardWidget</name>
    <message>
        <source>&amp;Problems only</source>
        <translation>Nur &amp;Probleme</translation>
    </message>
    <message>
        <source>Services, groups and hosts</source>
        <translation>Dienste, Gruppen und Hosts</translation>
    </message>
    <message>
        <source>Filter by name or state (Ctrl+F)</source>
        <translation>Nach Name oder Zustand filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>State history of the selected host</source>
        <translation>Zustandsverlauf des gewählten Hosts</translation>
    </message>
    <message>
        <source>Select a host to see its history.</source>
        <translation>Wählen Sie einen Host, um seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Drain</source>
        <translation>&amp;Auslaufen lassen</translation>
    </message>
    <message>
        <source>Send no new connections to the selected hosts; open ones finish</source>
        <translation>Keine neuen Verbindungen an die gewählten Hosts; offene laufen zu Ende</translation>
    </message>
    <message>
        <source>&amp;Maintenance</source>
        <translation>&amp;Wartung</translation>
    </message>
    <message>
        <source>Take the selected hosts out of rotation</source>
        <translation>Die gewählten Hosts aus der Verteilung nehmen</translation>
    </message>
    <message>
        <source>&amp;Ready</source>
        <translation>&amp;Bereit</translation>
    </message>
    <message>
        <source>Put the selected hosts back into rotation</source>
        <translation>Die gewählten Hosts wieder in die Verteilung nehmen</translation>
    </message>
    <message>
        <source>Set &amp;Weight…</source>
        <translation>&amp;Gewicht setzen…</translation>
    </message>
    <message>
        <source>Change the weight of the selected hosts</source>
        <translation>Das Gewicht der gewählten Hosts ändern</translation>
    </message>
    <message>
        <source>Re&amp;try Now</source>
        <translation>&amp;Jetzt erneut prüfen</translation>
    </message>
    <message>
        <source>Probe the selected down hosts now</source>
        <translation>Die gewählten ausgefallenen Hosts jetzt prüfen</translation>
    </message>
    <message>
        <source>Remove the selected hosts from the running config (they drain)</source>
        <translation>Die gewählten Hosts aus der laufenden Konfiguration entfernen (sie laufen aus)</translation>
    </message>
    <message>
        <source>History of host %1 (group %2, service %3)</source>
        <translation>Verlauf von Host %1 (Gruppe %2, Dienst %3)</translation>
    </message>
    <message>
        <source>Set Weight</source>
        <translation>Gewicht setzen</translation>
    </message>
    <message numerus="yes">
        <source>New weight for %n host(s) (0: no new connections):</source>
        <translation>
            <numerusform>Neues Gewicht für %n Host (0: keine neuen Verbindungen):</numerusform>
            <numerusform>Neues Gewicht für %n Hosts (0: keine neuen Verbindungen):</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove Hosts</source>
        <translation>Hosts entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n host(s) from the running config? Their open connections finish first.</source>
        <translation>
            <numerusform>%n Host aus der laufenden Konfiguration entfernen? Seine offenen Verbindungen laufen zuerst zu Ende.</numerusform>
            <numerusform>%n Hosts aus der laufenden Konfiguration entfernen? Ihre offenen Verbindungen laufen zuerst zu Ende.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Done for %n host(s).</source>
        <translation>
            <numerusform>Für %n Host erledigt.</numerusform>
            <numerusform>Für %n Hosts erledigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed for %n host(s): </source>
        <translation>
            <numerusform>Fehlgeschlagen für %n Host: </numerusform>
            <numerusform>Fehlgeschlagen für %n Hosts: </numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Probe Address</source>
        <translation>Adresse &amp;testen</translation>
    </message>
    <message>
        <source>Measure the connect time to the selected hosts&apos; addresses from this computer</source>
        <translation>Die Verbindungsdauer zu den Adressen der gewählten Hosts von diesem Computer aus messen</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>Group %1/%2</source>
        <translation>Gruppe %1/%2</translation>
    </message>
    <message>
        <source>Host %1</source>
        <translation>Host %1</translation>
    </message>
    <message numerus="yes">
        <source>Probing %n host(s)…</source>
        <translation>
            <numerusform>Teste %n Host…</numerusform>
            <numerusform>Teste %n Hosts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Probed %n host(s): all answered. </source>
        <translation>
            <numerusform>%n Host getestet, er hat geantwortet. </numerusform>
            <numerusform>%n Hosts getestet, alle haben geantwortet. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Probed %n host(s): %1 failed. </source>
        <translation>
            <numerusform>%n Host getestet, fehlgeschlagen: %1. </numerusform>
            <numerusform>%n Hosts getestet, fehlgeschlagen: %1. </numerusform>
        </translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Dienste</translation>
    </message>
    <message>
        <source>Remove the Last Live Host?</source>
        <translation>Letzten aktiven Host entfernen?</translation>
    </message>
    <message numerus="yes">
        <source>The balancer kept %n host(s): removing them leaves their service without a live host, and it refuses new clients until a host is added or comes back.</source>
        <translation>
            <numerusform>Der Balancer hat %n Host behalten: Ohne ihn hat sein Dienst keinen aktiven Host mehr und weist neue Clients ab, bis ein Host hinzukommt oder wieder erreichbar ist.</numerusform>
            <numerusform>Der Balancer hat %n Hosts behalten: Ohne sie hat ihr Dienst keinen aktiven Host mehr und weist neue Clients ab, bis ein Host hinzukommt oder wieder erreichbar ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove anyway?</source>
        <translation>Trotzdem entfernen?</translation>
    </message>
    <message>
        <source>VRRP role: %1</source>
        <translation>VRRP-Rolle: %1</translation>
    </message>
    <message>
        <source>Drain with &amp;Deadline…</source>
        <translation>Drain mit &amp;Frist…</translation>
    </message>
    <message>
        <source>Drain the selected hosts with a deadline, then remove them or set them to maintenance</source>
        <translation>Die ausgewählten Hosts mit einer Frist leeren, dann entfernen oder in Wartung setzen</translation>
    </message>
</context>
<context>
    <name>Balancier::EventLogModel</name>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetApply</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>dry run…</source>
        <translation>Probelauf…</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>applying…</source>
        <translation>wird angewendet…</translation>
    </message>
    <message>
        <source>waiting until healthy…</source>
        <translation>warte auf gesunden Zustand…</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>untouched</source>
        <translation>unverändert gelassen</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message numerus="yes">
        <source>The draft is applied on all %n node(s).</source>
        <translation>
            <numerusform>Der Entwurf ist auf %n Knoten angewendet.</numerusform>
            <numerusform>Der Entwurf ist auf allen %n Knoten angewendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its running config changed after the dry run (someone else applied a change); nothing was applied there. Run the dry run again to review the new differences.
%1</source>
        <translation>Seine laufende Konfiguration hat sich nach dem Probelauf geändert (jemand anderes hat eine Änderung angewendet); dort wurde nichts angewendet. Starten Sie den Probelauf erneut, um die neuen Unterschiede zu prüfen.
%1</translation>
    </message>
    <message>
        <source>%1 of %2 service(s) have a live host</source>
        <translation>%1 von %2 Diensten haben einen verfügbaren Host</translation>
    </message>
    <message numerus="yes">
        <source>The draft is applied there, but the node did not report healthy within %n second(s) (%1).</source>
        <translation>
            <numerusform>Der Entwurf ist dort angewendet, aber der Knoten hat sich nicht innerhalb von %n Sekunde als gesund gemeldet (%1).</numerusform>
            <numerusform>Der Entwurf ist dort angewendet, aber der Knoten hat sich nicht innerhalb von %n Sekunden als gesund gemeldet (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped at node %1: %2
%n node(s) after it left untouched.</source>
        <translation>
            <numerusform>Angehalten bei Knoten %1: %2
%n Knoten danach unverändert gelassen.</numerusform>
            <numerusform>Angehalten bei Knoten %1: %2
%n Knoten danach unverändert gelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>It does not report its health (a balancierd without /api/v1/health, or a balancer in this app): not waited for.</source>
        <translation>Er meldet seinen Zustand nicht (ein balancierd ohne /api/v1/health oder ein Balancer in dieser App): nicht abgewartet.</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetCompare</name>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>Its running config cannot be read: %1</source>
        <translation>Seine laufende Konfiguration kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetDrain</name>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>Its running config cannot be read.</source>
        <translation>Seine laufende Konfiguration kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>It has no host named &quot;%1&quot;.</source>
        <translation>Er hat keinen Host namens „%1“.</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetModel</name>
    <message>
        <source>All hosts up</source>
        <translation>Alle Hosts verfügbar</translation>
    </message>
    <message>
        <source>No host down</source>
        <translation>Kein Host ausgefallen</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) down</source>
        <translation>
            <numerusform>%n Host ausgefallen</numerusform>
            <numerusform>%n Hosts ausgefallen</numerusform>
        </translation>
    </message>
    <message>
        <source>A service has no host up</source>
        <translation>Ein Dienst hat keinen verfügbaren Host</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>ruhig</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Hosts up</source>
        <translation>Verfügbare Hosts</translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation>Offene Verbindungen</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetWindow</name>
    <message>
        <source>&amp;Show Window</source>
        <translation>Fenster &amp;zeigen</translation>
    </message>
    <message>
        <source>Fleet Overview — Balancier</source>
        <translation>Flottenübersicht — Balancier</translation>
    </message>
    <message>
        <source>Every open connection, with its health. Press Enter on a row to show its window.</source>
        <translation>Jede offene Verbindung mit der Verfügbarkeit ihrer Hosts. Drücken Sie auf einer Zeile die Eingabetaste, um ihr Fenster zu zeigen.</translation>
    </message>
    <message>
        <source>Open connections and their health</source>
        <translation>Offene Verbindungen und ihre Verfügbarkeit</translation>
    </message>
    <message>
        <source>&amp;New Window</source>
        <translation>&amp;Neues Fenster</translation>
    </message>
    <message>
        <source>&amp;Compare Configs</source>
        <translation>Konfigurationen &amp;vergleichen</translation>
    </message>
    <message>
        <source>&amp;Apply Draft to Fleet…</source>
        <translation>Entwurf auf Flotte &amp;anwenden…</translation>
    </message>
    <message>
        <source>&amp;Drain Host Everywhere…</source>
        <translation>Host überall &amp;leeren…</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>&amp;Fleet:</source>
        <translation>&amp;Flotte:</translation>
    </message>
    <message>
        <source>Save as Fleet…</source>
        <translation>Als Flotte speichern…</translation>
    </message>
    <message>
        <source>Save a named set of connection profiles, such as a VRRP pair</source>
        <translation>Eine benannte Menge von Verbindungsprofilen speichern, etwa ein VRRP-Paar</translation>
    </message>
    <message>
        <source>Show how each node&apos;s running config differs from the first node&apos;s</source>
        <translation>Zeigen, wie sich die laufende Konfiguration jedes Knotens von der des ersten unterscheidet</translation>
    </message>
    <message>
        <source>Apply the editor&apos;s draft of the selected connection to every node: a dry run on each, then one node at a time, backups first</source>
        <translation>Den Editor-Entwurf der gewählten Verbindung auf jeden Knoten anwenden: ein Probelauf auf jedem, dann ein Knoten nach dem anderen, Backups zuerst</translation>
    </message>
    <message>
        <source>Drain the host of that name on every node of the fleet</source>
        <translation>Den Host dieses Namens auf jedem Knoten der Flotte leeren</translation>
    </message>
    <message>
        <source>What happened on each node</source>
        <translation>Was auf jedem Knoten geschah</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Every open connection</source>
        <translation>Alle offenen Verbindungen</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n node(s))</source>
        <translation>
            <numerusform>%1 (%n Knoten)</numerusform>
            <numerusform>%1 (%n Knoten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as Fleet</source>
        <translation>Als Flotte speichern</translation>
    </message>
    <message>
        <source>Name of the fleet (for example prod-pair):</source>
        <translation>Name der Flotte (zum Beispiel prod-pair):</translation>
    </message>
    <message>
        <source>A fleet is made of saved connection profiles. Connect to each node through a profile (File &gt; Connect), then save the fleet.</source>
        <translation>Eine Flotte besteht aus gespeicherten Verbindungsprofilen. Verbinden Sie sich über ein Profil mit jedem Knoten (Datei &gt; Verbinden) und speichern Sie dann die Flotte.</translation>
    </message>
    <message>
        <source>Fleet %1 saved: %2.</source>
        <translation>Flotte %1 gespeichert: %2.</translation>
    </message>
    <message>
        <source>not open</source>
        <translation>nicht geöffnet</translation>
    </message>
    <message>
        <source>Connect to this node first: the action leaves it out.</source>
        <translation>Verbinden Sie sich zuerst mit diesem Knoten: die Aktion lässt ihn aus.</translation>
    </message>
    <message>
        <source>Comparing the running configs…</source>
        <translation>Vergleiche die laufenden Konfigurationen…</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>nicht gelesen</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>The others are compared with it.</source>
        <translation>Die anderen werden mit ihm verglichen.</translation>
    </message>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>Runs the same config.</source>
        <translation>Führt dieselbe Konfiguration aus.</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n Unterschied</numerusform>
            <numerusform>%n Unterschiede</numerusform>
        </translation>
    </message>
    <message>
        <source>Every node runs the same config.</source>
        <translation>Jeder Knoten führt dieselbe Konfiguration aus.</translation>
    </message>
    <message>
        <source>The nodes&apos; running configs differ (or could not be read).</source>
        <translation>Die laufenden Konfigurationen der Knoten unterscheiden sich (oder konnten nicht gelesen werden).</translation>
    </message>
    <message>
        <source>The selected connection&apos;s editor has no draft to apply.</source>
        <translation>Der Editor der gewählten Verbindung hat keinen Entwurf zum Anwenden.</translation>
    </message>
    <message>
        <source>Not applied: every node of the fleet must be open.</source>
        <translation>Nicht angewendet: jeder Knoten der Flotte muss geöffnet sein.</translation>
    </message>
    <message>
        <source>Dry run on every node…</source>
        <translation>Probelauf auf jedem Knoten…</translation>
    </message>
    <message>
        <source>The dry run failed on a node: nothing was applied anywhere.</source>
        <translation>Der Probelauf ist auf einem Knoten fehlgeschlagen: nirgends wurde etwas angewendet.</translation>
    </message>
    <message numerus="yes">
        <source>Apply the draft to %n node(s), one at a time, in this order: %1?
Each node must report healthy before the next one is changed.</source>
        <translation>
            <numerusform>Den Entwurf auf %n Knoten anwenden, einen nach dem anderen, in dieser Reihenfolge: %1?
Jeder Knoten muss sich als gesund melden, bevor der nächste geändert wird.</numerusform>
            <numerusform>Den Entwurf auf %n Knoten anwenden, einen nach dem anderen, in dieser Reihenfolge: %1?
Jeder Knoten muss sich als gesund melden, bevor der nächste geändert wird.</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply to Fleet</source>
        <translation>Auf Flotte anwenden</translation>
    </message>
    <message>
        <source>Dry run done; nothing applied.</source>
        <translation>Probelauf fertig; nichts angewendet.</translation>
    </message>
    <message>
        <source>Rolling out…</source>
        <translation>Wird ausgerollt…</translation>
    </message>
    <message>
        <source>Runs the draft already: nothing to change.</source>
        <translation>Führt den Entwurf bereits aus: nichts zu ändern.</translation>
    </message>
    <message>
        <source>Impact: %1</source>
        <translation>Auswirkung: %1</translation>
    </message>
    <message>
        <source>Drain Host Everywhere</source>
        <translation>Host überall leeren</translation>
    </message>
    <message>
        <source>Host name to drain on every node of the fleet:</source>
        <translation>Name des Hosts, der auf jedem Knoten der Flotte geleert werden soll:</translation>
    </message>
    <message>
        <source>Draining host %1 on every node…</source>
        <translation>Leere Host %1 auf jedem Knoten…</translation>
    </message>
    <message>
        <source>Draining: %1</source>
        <translation>Wird geleert: %1</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>geleert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Host %1 is draining on every node.</source>
        <translation>Host %1 wird auf jedem Knoten geleert.</translation>
    </message>
    <message>
        <source>Host %1 could not be drained on every node.</source>
        <translation>Host %1 konnte nicht auf jedem Knoten geleert werden.</translation>
    </message>
    <message>
        <source>Keep draining</source>
        <translation>Weiter leeren</translation>
    </message>
    <message>
        <source>Remove the host</source>
        <translation>Host entfernen</translation>
    </message>
    <message>
        <source>Set to maintenance</source>
        <translation>In Wartung setzen</translation>
    </message>
    <message>
        <source>When host %1 is empty or its deadline passed:</source>
        <translation>Wenn Host %1 leer ist oder seine Frist abgelaufen ist:</translation>
    </message>
    <message>
        <source>Deadline (such as 90s, 10m or 1h; empty: each node&apos;s drain timeout):</source>
        <translation>Frist (etwa 90s, 10m oder 1h; leer: das Drain-Timeout jedes Knotens):</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration; write for example 90s, 10m or 1h.</source>
        <translation>„%1“ ist keine Dauer; schreiben Sie etwa 90s, 10m oder 1h.</translation>
    </message>
</context>
<context>
    <name>Balancier::HistoryPanel</name>
    <message>
        <source>Config versions</source>
        <translation>Konfigurationsversionen</translation>
    </message>
    <message>
        <source>Changes of the selected version</source>
        <translation>Änderungen der gewählten Version</translation>
    </message>
    <message>
        <source>&amp;Roll Back to This Version…</source>
        <translation>Auf diese Version &amp;zurücksetzen…</translation>
    </message>
    <message>
        <source>Make the selected version the running config again (shows what changes first)</source>
        <translation>Die gewählte Version wieder zur laufenden Konfiguration machen (zeigt zuerst, was sich ändert)</translation>
    </message>
    <message>
        <source>No versions yet: the history starts when a balancer is connected.</source>
        <translation>Noch keine Versionen: Der Verlauf beginnt, sobald ein Balancer verbunden ist.</translation>
    </message>
    <message>
        <source>Select a version to see its changes.</source>
        <translation>Wählen Sie eine Version, um ihre Änderungen zu sehen.</translation>
    </message>
    <message>
        <source>Version %1, %2: %3. The first version seen, so no changes to show.</source>
        <translation>Version %1, %2: %3. Die erste gesehene Version, daher keine Änderungen.</translation>
    </message>
    <message numerus="yes">
        <source>Version %1, %2: %3. %n change(s) from the version before:</source>
        <translation>
            <numerusform>Version %1, %2: %3. %n Änderung gegenüber der vorigen Version:</numerusform>
            <numerusform>Version %1, %2: %3. %n Änderungen gegenüber der vorigen Version:</numerusform>
        </translation>
    </message>
    <message>
        <source>Ve&amp;rsions of the running config:</source>
        <translation>&amp;Versionen der laufenden Konfiguration:</translation>
    </message>
</context>
<context>
    <name>Balancier::HostDrainDialog</name>
    <message>
        <source>Drain with Deadline</source>
        <translation>Drain mit Frist</translation>
    </message>
    <message>
        <source>How long the open connections may take, such as 90s, 10m or 1h; empty: the balancer&apos;s drain timeout</source>
        <translation>Wie lange die offenen Verbindungen dauern dürfen, etwa 90s, 10m oder 1h; leer: das Drain-Timeout des Balancers</translation>
    </message>
    <message>
        <source>Keep draining</source>
        <translation>Weiter leeren</translation>
    </message>
    <message>
        <source>Remove the host</source>
        <translation>Host entfernen</translation>
    </message>
    <message>
        <source>Set to maintenance</source>
        <translation>In Wartung setzen</translation>
    </message>
    <message>
        <source>%v open</source>
        <translation>%v offen</translation>
    </message>
    <message numerus="yes">
        <source>Drain %n host(s): no new connections; the open ones finish, or are cut at the deadline.</source>
        <translation>
            <numerusform>%n Host leeren: keine neuen Verbindungen; die offenen laufen aus oder werden zur Frist getrennt.</numerusform>
            <numerusform>%n Hosts leeren: keine neuen Verbindungen; die offenen laufen aus oder werden zur Frist getrennt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Frist:</translation>
    </message>
    <message>
        <source>&amp;Then:</source>
        <translation>&amp;Danach:</translation>
    </message>
    <message>
        <source>&amp;Start Drain</source>
        <translation>Drain &amp;starten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration; write for example 90s, 10m or 1h.</source>
        <translation>„%1“ ist keine Dauer; schreiben Sie etwa 90s, 10m oder 1h.</translation>
    </message>
    <message>
        <source>Starting the drain…</source>
        <translation>Drain wird gestartet…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Drained; the host was removed.</source>
        <translation>Geleert; der Host wurde entfernt.</translation>
    </message>
    <message>
        <source>Drained: no open connection left.</source>
        <translation>Geleert: keine offene Verbindung mehr.</translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s), %1 left</source>
        <translation>
            <numerusform>%n offene Verbindung, noch %1</numerusform>
            <numerusform>%n offene Verbindungen, noch %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n offene Verbindung</numerusform>
            <numerusform>%n offene Verbindungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::HostHistoryModel</name>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>Balancier::LocalClient</name>
    <message>
        <source>Local balancer: %1</source>
        <translation>Lokaler Balancer: %1</translation>
    </message>
    <message>
        <source>Cannot run %1:
%2</source>
        <translation>%1 kann nicht ausgeführt werden:
%2</translation>
    </message>
    <message>
        <source>The balancer refused the config:
%1</source>
        <translation>Der Balancer hat die Konfiguration abgelehnt:
%1</translation>
    </message>
    <message>
        <source>The local balancer is not running.</source>
        <translation>Der lokale Balancer läuft nicht.</translation>
    </message>
    <message>
        <source>No host %1 in group %2 of service %3.</source>
        <translation>Kein Host %1 in Gruppe %2 von Dienst %3.</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>The running config has changed since the draft was based on it.</source>
        <translation>Die laufende Konfiguration hat sich geändert, seit der Entwurf auf ihr beruht.</translation>
    </message>
    <message>
        <source>Version %1 is not in the config history.</source>
        <translation>Version %1 ist nicht im Konfigurationsverlauf.</translation>
    </message>
    <message>
        <source>config history version %1</source>
        <translation>Konfigurationsverlauf, Version %1</translation>
    </message>
</context>
<context>
    <name>Balancier::LogView</name>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>All, with debug</source>
        <translation>Alles, mit Debug</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Information und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Filter the log</source>
        <translation>Protokoll filtern</translation>
    </message>
    <message>
        <source>Log filter</source>
        <translation>Protokollfilter</translation>
    </message>
    <message>
        <source>Co&amp;py All</source>
        <translation>Alles kop&amp;ieren</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Schweregrad:</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
</context>
<context>
    <name>Balancier::MainWindow</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>&amp;Configuration</source>
        <translation>&amp;Konfiguration</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Connect to a balancer, or run a config in this app</source>
        <translation>Mit einem Balancer verbinden oder eine Konfiguration in dieser App ausführen</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>B&amp;earbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Filter Hosts</source>
        <translation>Hosts &amp;filtern</translation>
    </message>
    <message>
        <source>Confi&amp;g</source>
        <translation>Konfi&amp;guration</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Balancier</source>
        <translation>Über &amp;Balancier</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password of %1 at %2:</source>
        <translation>Passwort von %1 bei %2:</translation>
    </message>
    <message>
        <source>Untrusted Certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>The balancer&apos;s certificate is not trusted:
%1

Subject: %2
Issuer: %3
SHA-256: %4

Trust this certificate for this connection profile? Only do so if you recognise the fingerprint.</source>
        <translation>Dem Zertifikat des Balancers wird nicht vertraut:
%1

Inhaber: %2
Aussteller: %3
SHA-256: %4

Diesem Zertifikat für dieses Verbindungsprofil vertrauen? Tun Sie das nur, wenn Sie den Fingerabdruck erkennen.</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>&amp;Vertrauen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Not connected. Connect to a running balancierd, or run a config file in this app.</source>
        <translation>Nicht verbunden. Verbinden Sie sich mit einem laufenden balancierd oder führen Sie eine Konfigurationsdatei in dieser App aus.</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>%1 Trying again with growing pauses (next within %2 s).</source>
        <translation>%1 Neuer Versuch mit wachsenden Pausen (nächster in höchstens %2 s).</translation>
    </message>
    <message>
        <source>Retry &amp;Now</source>
        <translation>&amp;Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Getrennt.</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>Erneut &amp;verbinden</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n Dienst</numerusform>
            <numerusform>%n Dienste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s) up</source>
        <translation>
            <numerusform>%1 von %n Host verfügbar</numerusform>
            <numerusform>%1 von %n Hosts verfügbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n offene Verbindung</numerusform>
            <numerusform>%n offene Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1, out %2</source>
        <translation>ein %1, aus %2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>ruhig</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>%1[*] — %2 — Balancier</source>
        <translation>%1[*] — %2 — Balancier</translation>
    </message>
    <message>
        <source>About Balancier</source>
        <translation>Über Balancier</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Balancier %1&lt;/h3&gt;&lt;p&gt;A TCP load balancer with a live admin API and this desktop console.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Balancier %1&lt;/h3&gt;&lt;p&gt;Ein TCP-Lastverteiler mit Live-Admin-API und dieser Desktop-Konsole.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>Pro&amp;tokoll</translation>
    </message>
    <message>
        <source>probe</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>New &amp;Window</source>
        <translation>Neues F&amp;enster</translation>
    </message>
    <message>
        <source>Open another window for another connection</source>
        <translation>Ein weiteres Fenster für eine andere Verbindung öffnen</translation>
    </message>
    <message>
        <source>Every open connection side by side, with its health</source>
        <translation>Alle offenen Verbindungen nebeneinander, mit der Verfügbarkeit ihrer Hosts</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>host %1/%2/%3: %4</source>
        <translation>Host %1/%2/%3: %4</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>config</source>
        <translation>Konfiguration</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) applied: </source>
        <translation>
            <numerusform>%n Änderung angewendet: </numerusform>
            <numerusform>%n Änderungen angewendet: </numerusform>
        </translation>
    </message>
    <message>
        <source>Clos&amp;e Window</source>
        <translation>Fenster sch&amp;ließen</translation>
    </message>
    <message>
        <source>Flee&amp;t Overview</source>
        <translation>F&amp;lottenübersicht</translation>
    </message>
    <message>
        <source>Ho&amp;st</source>
        <translation>H&amp;ost</translation>
    </message>
    <message>
        <source>daemon</source>
        <translation>Daemon</translation>
    </message>
    <message>
        <source>Co&amp;nnections</source>
        <translation>&amp;Verbindungen</translation>
    </message>
    <message>
        <source>The open connections, why each went to its backend, and the top talkers</source>
        <translation>Die offenen Verbindungen, warum jede zu ihrem Backend ging, und die aktivsten Clients</translation>
    </message>
</context>
<context>
    <name>Balancier::NodeHealth</name>
    <message>
        <source>master</source>
        <translation>Master</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>Balancier::PreferencesDialog</name>
    <message>
        <source>Notify when a host goes down or comes back</source>
        <translation>Benachrichtigen, wenn ein Host ausfällt oder zurückkommt</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemvorgabe (%1)</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> pro Sekunde</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies when the app starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start der App.</translation>
    </message>
    <message>
        <source>Dashboard &amp;updates:</source>
        <translation>Aktualisierung der Ü&amp;bersicht:</translation>
    </message>
    <message>
        <source>Saved connection profiles</source>
        <translation>Gespeicherte Verbindungsprofile</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Forget Certificate</source>
        <translation>Zertifikat &amp;vergessen</translation>
    </message>
    <message>
        <source>%1 — runs %2</source>
        <translation>%1 — führt %2 aus</translation>
    </message>
    <message>
        <source>%1 — %2 as %3</source>
        <translation>%1 — %2 als %3</translation>
    </message>
    <message>
        <source>(trusts a certificate)</source>
        <translation>(vertraut einem Zertifikat)</translation>
    </message>
</context>
<context>
    <name>Balancier::PropertyForm</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Admin API</source>
        <translation>Admin-API</translation>
    </message>
    <message>
        <source>Admin user %1</source>
        <translation>Admin-Benutzer %1</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>Listener %1 of service %2</source>
        <translation>Listener %1 von Dienst %2</translation>
    </message>
    <message>
        <source>Group %1 of service %2</source>
        <translation>Gruppe %1 von Dienst %2</translation>
    </message>
    <message>
        <source>Host %1 in group %2</source>
        <translation>Host %1 in Gruppe %2</translation>
    </message>
    <message>
        <source>Select an item to edit it.</source>
        <translation>Wählen Sie einen Eintrag, um ihn zu bearbeiten.</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>Balancier::RemoteClient</name>
    <message>
        <source>%1 as %2</source>
        <translation>%1 als %2</translation>
    </message>
    <message>
        <source>The server refused user &quot;%1&quot; or its password.</source>
        <translation>Der Server hat den Benutzer „%1“ oder sein Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP-Status %1</translation>
    </message>
    <message>
        <source>HTTP status %1: %2</source>
        <translation>HTTP-Status %1: %2</translation>
    </message>
    <message>
        <source>Not saved on the server: %1</source>
        <translation>Auf dem Server nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted.</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut.</translation>
    </message>
    <message>
        <source>no data for %1 s</source>
        <translation>seit %1 s keine Daten</translation>
    </message>
    <message>
        <source>the server closed the event stream</source>
        <translation>der Server hat den Ereignisstrom geschlossen</translation>
    </message>
    <message>
        <source>Connection to %1 lost: %2</source>
        <translation>Verbindung zu %1 verloren: %2</translation>
    </message>
    <message>
        <source>GET /api/v1/health: HTTP status %1</source>
        <translation>GET /api/v1/health: HTTP-Status %1</translation>
    </message>
</context>
<context>
    <name>Balancier::RoutesEditor</name>
    <message>
        <source>Clients that do not speak TLS</source>
        <translation>Clients, die kein TLS sprechen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>TLS routes, first match decides; drag to reorder</source>
        <translation>TLS-Routen, die erste passende entscheidet; zum Umordnen ziehen</translation>
    </message>
    <message>
        <source>Server names of the selected route</source>
        <translation>Servernamen der gewählten Route</translation>
    </message>
    <message>
        <source>a.example, *.b.example</source>
        <translation>a.example, *.b.example</translation>
    </message>
    <message>
        <source>ALPN protocols of the selected route</source>
        <translation>ALPN-Protokolle der gewählten Route</translation>
    </message>
    <message>
        <source>h2, http/1.1</source>
        <translation>h2, http/1.1</translation>
    </message>
    <message>
        <source>Group of the selected route</source>
        <translation>Gruppe der gewählten Route</translation>
    </message>
    <message>
        <source>Move the route up</source>
        <translation>Route nach oben verschieben</translation>
    </message>
    <message>
        <source>Move the route down</source>
        <translation>Route nach unten verschieben</translation>
    </message>
    <message>
        <source>Server names</source>
        <translation>Servernamen</translation>
    </message>
    <message>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Silence of the plain route</source>
        <translation>Stille der Klartext-Route</translation>
    </message>
    <message>
        <source>1s</source>
        <translation>1s</translation>
    </message>
    <message>
        <source>Plain route only: a client that sends nothing this long (an SSH client waiting for the server&apos;s banner) takes this route. Empty: 1s.</source>
        <translation>Nur Klartext-Route: Ein Client, der so lange nichts sendet (ein SSH-Client, der auf das Banner des Servers wartet), nimmt diese Route. Leer: 1s.</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Stille</translation>
    </message>
</context>
<context>
    <name>Balancier::TalkerModel</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Client prefix</source>
        <translation>Client-Präfix</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>New connections</source>
        <translation>Neue Verbindungen</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Aus</translation>
    </message>
</context>
<context>
    <name>Balancier::TimelineStrip</name>
    <message>
        <source>State timeline</source>
        <translation>Zustandsverlauf</translation>
    </message>
    <message>
        <source>No state changes recorded.</source>
        <translation>Keine Zustandswechsel aufgezeichnet.</translation>
    </message>
    <message numerus="yes">
        <source>%n state change(s); now %1 since %2.</source>
        <translation>
            <numerusform>%n Zustandswechsel; jetzt %1 seit %2.</numerusform>
            <numerusform>%n Zustandswechsel; jetzt %1 seit %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>No history</source>
        <translation>Kein Verlauf</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 ab %2</translation>
    </message>
</context>
<context>
    <name>Balancier::TrafficGraph</name>
    <message>
        <source>idle</source>
        <translation>ruhig</translation>
    </message>
    <message>
        <source>Traffic graph</source>
        <translation>Verkehrsdiagramm</translation>
    </message>
    <message>
        <source>Select a service, group or host to see its traffic.</source>
        <translation>Wählen Sie einen Dienst, eine Gruppe oder einen Host, um den Verkehr zu sehen.</translation>
    </message>
    <message>
        <source>No traffic recorded yet for %1.</source>
        <translation>Noch kein Verkehr für %1 aufgezeichnet.</translation>
    </message>
    <message numerus="yes">
        <source>%1 over the last %n minute(s): %2 open connections (peak %3); throughput %4 (peak %5).</source>
        <translation>
            <numerusform>%1 in der letzten %n Minute: %2 offene Verbindungen (Spitze %3); Durchsatz %4 (Spitze %5).</numerusform>
            <numerusform>%1 in den letzten %n Minuten: %2 offene Verbindungen (Spitze %3); Durchsatz %4 (Spitze %5).</numerusform>
        </translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>Spitze %1</translation>
    </message>
    <message>
        <source>No selection</source>
        <translation>Keine Auswahl</translation>
    </message>
    <message>
        <source>Collecting…</source>
        <translation>Sammle…</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
</context>
<context>
    <name>Balancier::TrayNotifier</name>
    <message>
        <source>Balancier</source>
        <translation>Balancier</translation>
    </message>
    <message>
        <source>Balancier: not connected</source>
        <translation>Balancier: nicht verbunden</translation>
    </message>
    <message>
        <source>Balancier: all hosts up</source>
        <translation>Balancier: alle Hosts verfügbar</translation>
    </message>
    <message>
        <source>Balancier: some hosts are down</source>
        <translation>Balancier: einige Hosts sind ausgefallen</translation>
    </message>
    <message>
        <source>Balancier: a service has no host up</source>
        <translation>Balancier: ein Dienst hat keinen verfügbaren Host</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) down</source>
        <translation>
            <numerusform>%n Host ausgefallen</numerusform>
            <numerusform>%n Hosts ausgefallen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) back up</source>
        <translation>
            <numerusform>%n Host wieder verfügbar</numerusform>
            <numerusform>%n Hosts wieder verfügbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Balancier: a connection is lost</source>
        <translation>Balancier: eine Verbindung ist unterbrochen</translation>
    </message>
    <message numerus="yes">
        <source>Every host down in %n group(s)</source>
        <translation>
            <numerusform>Alle Hosts ausgefallen in %n Gruppe</numerusform>
            <numerusform>Alle Hosts ausgefallen in %n Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) serving again</source>
        <translation>
            <numerusform>%n Gruppe bedient wieder</numerusform>
            <numerusform>%n Gruppen bedienen wieder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::WindowManager</name>
    <message>
        <source>Show Balancier</source>
        <translation>Balancier anzeigen</translation>
    </message>
    <message>
        <source>Fleet Overview</source>
        <translation>Flottenübersicht</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>Balancier::XmlSourceEdit</name>
    <message>
        <source>XML source</source>
        <translation>XML-Quelltext</translation>
    </message>
</context>
<context>
    <name>ChangeImpact</name>
    <message numerus="yes">
        <source>stops service %1: its listeners close and %n open connection(s) drain</source>
        <translation>
            <numerusform>beendet Dienst %1: seine Listener schließen und %n offene Verbindung läuft aus</numerusform>
            <numerusform>beendet Dienst %1: seine Listener schließen und %n offene Verbindungen laufen aus</numerusform>
        </translation>
    </message>
    <message>
        <source>stops accepting connections on %1</source>
        <translation>nimmt auf %1 keine Verbindungen mehr an</translation>
    </message>
    <message>
        <source>starts accepting connections on %1</source>
        <translation>nimmt Verbindungen auf %1 an</translation>
    </message>
    <message numerus="yes">
        <source>drains group %1 (%n open connection(s))</source>
        <translation>
            <numerusform>lässt Gruppe %1 auslaufen (%n offene Verbindung)</numerusform>
            <numerusform>lässt Gruppe %1 auslaufen (%n offene Verbindungen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>new connections go to group %1; %n open connection(s) stay on %2</source>
        <translation>
            <numerusform>neue Verbindungen gehen an Gruppe %1; %n offene Verbindung bleibt bei %2</numerusform>
            <numerusform>neue Verbindungen gehen an Gruppe %1; %n offene Verbindungen bleiben bei %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>drains host %1 (%n open connection(s))</source>
        <translation>
            <numerusform>lässt Host %1 auslaufen (%n offene Verbindung)</numerusform>
            <numerusform>lässt Host %1 auslaufen (%n offene Verbindungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>host %1 starts taking connections once it is up</source>
        <translation>Host %1 nimmt Verbindungen an, sobald er verfügbar ist</translation>
    </message>
    <message numerus="yes">
        <source>takes host %1 out of rotation (%n open connection(s) finish)</source>
        <translation>
            <numerusform>nimmt Host %1 aus der Verteilung (%n offene Verbindung läuft zu Ende)</numerusform>
            <numerusform>nimmt Host %1 aus der Verteilung (%n offene Verbindungen laufen zu Ende)</numerusform>
        </translation>
    </message>
    <message>
        <source>host %1 changes state</source>
        <translation>Host %1 wechselt den Zustand</translation>
    </message>
    <message numerus="yes">
        <source>new connections to %1 go to the new address; %n open connection(s) stay</source>
        <translation>
            <numerusform>neue Verbindungen zu %1 gehen an die neue Adresse; %n offene Verbindung bleibt</numerusform>
            <numerusform>neue Verbindungen zu %1 gehen an die neue Adresse; %n offene Verbindungen bleiben</numerusform>
        </translation>
    </message>
    <message>
        <source>shifts the share of new connections of %1</source>
        <translation>verschiebt den Anteil neuer Verbindungen von %1</translation>
    </message>
    <message>
        <source>user %1 can no longer log in</source>
        <translation>Benutzer %1 kann sich nicht mehr anmelden</translation>
    </message>
    <message>
        <source>the admin API restarts; this app reconnects</source>
        <translation>die Admin-API startet neu; diese App verbindet sich erneut</translation>
    </message>
    <message>
        <source>adds service %1</source>
        <translation>fügt Dienst %1 hinzu</translation>
    </message>
    <message numerus="yes">
        <source>stops service %1 (%n open connection(s))</source>
        <translation>
            <numerusform>beendet Dienst %1 (%n offene Verbindung)</numerusform>
            <numerusform>beendet Dienst %1 (%n offene Verbindungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>rebinds listener %1 to %2</source>
        <translation>bindet Listener %1 neu an %2</translation>
    </message>
    <message>
        <source>opens listener %1</source>
        <translation>öffnet Listener %1</translation>
    </message>
    <message>
        <source>adds group %1 to service %2</source>
        <translation>fügt Dienst %2 die Gruppe %1 hinzu</translation>
    </message>
    <message>
        <source>switches service %1 to group &apos;%2&apos;</source>
        <translation>schaltet Dienst %1 auf Gruppe „%2“ um</translation>
    </message>
    <message>
        <source>switches group %1 to scheduler %2</source>
        <translation>stellt Gruppe %1 auf Verteiler %2 um</translation>
    </message>
    <message>
        <source>changes the health checks of group %1</source>
        <translation>ändert die Zustandsprüfungen von Gruppe %1</translation>
    </message>
    <message>
        <source>adds host %1</source>
        <translation>fügt Host %1 hinzu</translation>
    </message>
    <message>
        <source>takes host %1 out of rotation</source>
        <translation>nimmt Host %1 aus der Verteilung</translation>
    </message>
    <message>
        <source>puts host %1 back into rotation</source>
        <translation>nimmt Host %1 wieder in die Verteilung</translation>
    </message>
    <message>
        <source>moves host %1 to %2</source>
        <translation>verlegt Host %1 nach %2</translation>
    </message>
    <message>
        <source>sets the weight of host %1 to %2</source>
        <translation>setzt das Gewicht von Host %1 auf %2</translation>
    </message>
    <message>
        <source>sets the connection limit of host %1 to %2</source>
        <translation>setzt die Verbindungsgrenze von Host %1 auf %2</translation>
    </message>
    <message>
        <source>adds admin user %1</source>
        <translation>fügt Admin-Benutzer %1 hinzu</translation>
    </message>
    <message>
        <source>removes admin user %1</source>
        <translation>entfernt Admin-Benutzer %1</translation>
    </message>
    <message>
        <source>changes admin user %1</source>
        <translation>ändert Admin-Benutzer %1</translation>
    </message>
    <message>
        <source>changes the %1 of service %2</source>
        <translation>ändert „%1“ von Dienst %2</translation>
    </message>
    <message>
        <source>changes the %1 settings</source>
        <translation>ändert die Einstellungen „%1“</translation>
    </message>
    <message>
        <source>closes listener %1</source>
        <translation>schließt Listener %1</translation>
    </message>
    <message>
        <source>; the clients it kept are placed on other hosts</source>
        <translation>; die ihm zugeordneten Clients werden anderen Hosts zugeteilt</translation>
    </message>
    <message>
        <source>new connections are placed by %1; clients lose the host %2 kept for them</source>
        <translation>neue Verbindungen verteilt %1; Clients verlieren den Host, den %2 ihnen zugeordnet hatte</translation>
    </message>
    <message>
        <source>new connections are placed by %1; open connections stay</source>
        <translation>neue Verbindungen verteilt %1; offene Verbindungen bleiben</translation>
    </message>
    <message>
        <source>host %1 starts taking connections once it is up; the clients that hash to it move to it</source>
        <translation>Host %1 nimmt Verbindungen an, sobald er verfügbar ist; die Clients, deren Hash auf ihn fällt, wechseln zu ihm</translation>
    </message>
    <message>
        <source>host %1 takes new clients once it is up; known clients keep their hosts</source>
        <translation>Host %1 nimmt neue Clients an, sobald er verfügbar ist; bekannte Clients behalten ihren Host</translation>
    </message>
    <message numerus="yes">
        <source>no new connections to host %1; %n open connection(s) finish</source>
        <translation>
            <numerusform>keine neuen Verbindungen zu Host %1; %n offene Verbindung läuft zu Ende</numerusform>
            <numerusform>keine neuen Verbindungen zu Host %1; %n offene Verbindungen laufen zu Ende</numerusform>
        </translation>
    </message>
    <message>
        <source>host %1 takes new connections again</source>
        <translation>Host %1 nimmt wieder neue Verbindungen an</translation>
    </message>
    <message>
        <source>no effect on traffic: %1 ignores weights</source>
        <translation>keine Wirkung auf den Verkehr: %1 beachtet keine Gewichte</translation>
    </message>
    <message>
        <source>host %1 gets a larger share of new connections</source>
        <translation>Host %1 erhält einen größeren Anteil neuer Verbindungen</translation>
    </message>
    <message>
        <source>host %1 gets a smaller share of new connections</source>
        <translation>Host %1 erhält einen kleineren Anteil neuer Verbindungen</translation>
    </message>
    <message>
        <source>host %1 is given more open connections than before, relative to the others</source>
        <translation>Host %1 erhält im Verhältnis zu den anderen mehr offene Verbindungen als bisher</translation>
    </message>
    <message>
        <source>host %1 is given fewer open connections than before, relative to the others</source>
        <translation>Host %1 erhält im Verhältnis zu den anderen weniger offene Verbindungen als bisher</translation>
    </message>
    <message>
        <source>some clients move to host %1 (its part of the hash ring grows)</source>
        <translation>einige Clients wechseln zu Host %1 (sein Anteil am Hash-Ring wächst)</translation>
    </message>
    <message>
        <source>some clients of host %1 move to other hosts (its part of the hash ring shrinks)</source>
        <translation>einige Clients von Host %1 wechseln zu anderen Hosts (sein Anteil am Hash-Ring schrumpft)</translation>
    </message>
    <message>
        <source>changes the scheduling options of group %1</source>
        <translation>ändert die Scheduler-Optionen der Gruppe %1</translation>
    </message>
    <message>
        <source>the scheduler is rebuilt with the new options; some clients move to another host, open connections stay</source>
        <translation>der Scheduler wird mit den neuen Optionen neu aufgebaut; einige Clients wechseln zu einem anderen Host, offene Verbindungen bleiben</translation>
    </message>
    <message>
        <source>the scheduler is rebuilt with the new options; open connections stay</source>
        <translation>der Scheduler wird mit den neuen Optionen neu aufgebaut; offene Verbindungen bleiben</translation>
    </message>
    <message>
        <source>some clients move to host %1 (its part of the Maglev table grows)</source>
        <translation>einige Clients wechseln zu Host %1 (sein Anteil an der Maglev-Tabelle wächst)</translation>
    </message>
    <message>
        <source>some clients of host %1 move to other hosts (its part of the Maglev table shrinks)</source>
        <translation>einige Clients von Host %1 wechseln zu anderen Hosts (sein Anteil an der Maglev-Tabelle schrumpft)</translation>
    </message>
    <message>
        <source>changes the PROXY protocol header sent to the hosts of group %1</source>
        <translation>ändert den PROXY-Protokoll-Header, der an die Hosts der Gruppe %1 gesendet wird</translation>
    </message>
    <message numerus="yes">
        <source>new connections to host %1 start with the new PROXY protocol header; %n open connection(s) stay as they are</source>
        <translation>
            <numerusform>neue Verbindungen zu Host %1 beginnen mit dem neuen PROXY-Protokoll-Header; %n offene Verbindung bleibt, wie sie ist</numerusform>
            <numerusform>neue Verbindungen zu Host %1 beginnen mit dem neuen PROXY-Protokoll-Header; %n offene Verbindungen bleiben, wie sie sind</numerusform>
        </translation>
    </message>
    <message>
        <source>new connections to the hosts of group %1 get no PROXY protocol header; open connections stay</source>
        <translation>neue Verbindungen zu den Hosts der Gruppe %1 erhalten keinen PROXY-Protokoll-Header; offene Verbindungen bleiben</translation>
    </message>
    <message>
        <source>new connections to the hosts of group %1 start with a PROXY %2 header (a host must expect it); open connections stay</source>
        <translation>neue Verbindungen zu den Hosts der Gruppe %1 beginnen mit einem PROXY-%2-Header (ein Host muss ihn erwarten); offene Verbindungen bleiben</translation>
    </message>
    <message>
        <source>the listener keeps its socket; its new PROXY protocol options apply to new connections</source>
        <translation>der Listener behält seinen Socket; seine neuen PROXY-Protokoll-Optionen gelten für neue Verbindungen</translation>
    </message>
    <message>
        <source>lets new clients from %1 into service %2</source>
        <translation>lässt neue Clients von %1 zu Dienst %2 durch</translation>
    </message>
    <message>
        <source>refuses new clients from %1 at service %2; open connections stay</source>
        <translation>weist neue Clients von %1 bei Dienst %2 ab; offene Verbindungen bleiben</translation>
    </message>
    <message>
        <source>drops the %1 rule for %2 from service %3&apos;s ACL</source>
        <translation>entfernt die Regel %1 für %2 aus der ACL von Dienst %3</translation>
    </message>
    <message>
        <source>changes the ACL of service %1; open connections stay</source>
        <translation>ändert die ACL von Dienst %1; offene Verbindungen bleiben</translation>
    </message>
    <message>
        <source>changes what group %1 does when a host goes down or a primary comes back</source>
        <translation>ändert, was Gruppe %1 tut, wenn ein Host ausfällt oder ein primärer Host zurückkommt</translation>
    </message>
    <message>
        <source>applies at the next health change of a host of group %1; open connections stay</source>
        <translation>gilt ab der nächsten Zustandsänderung eines Hosts der Gruppe %1; offene Verbindungen bleiben</translation>
    </message>
    <message>
        <source>changes how new TLS clients of service %1 are routed; open connections stay</source>
        <translation>ändert, wohin neue TLS-Clients von Dienst %1 geleitet werden; offene Verbindungen bleiben</translation>
    </message>
    <message>
        <source>changes where alert %1 is sent; traffic is not affected</source>
        <translation>ändert, wohin Alarm %1 gesendet wird; der Verkehr ist nicht betroffen</translation>
    </message>
    <message>
        <source>changes the DNS discovery of group %1</source>
        <translation>ändert die DNS-Ermittlung der Gruppe %1</translation>
    </message>
    <message>
        <source>discovery of group %1 starts again with a lookup now; hosts whose record is gone drain, then leave</source>
        <translation>die Ermittlung der Gruppe %1 beginnt neu mit einer Abfrage; Hosts ohne Eintrag leeren sich und gehen dann</translation>
    </message>
    <message>
        <source>the listener keeps its socket; new TLS handshakes use its new TLS settings, open connections keep theirs</source>
        <translation>der Listener behält seinen Socket; neue TLS-Handshakes verwenden die neuen TLS-Einstellungen, offene Verbindungen behalten ihre</translation>
    </message>
    <message>
        <source>changes the slow start or agent check of group %1</source>
        <translation>ändert den Sanftstart oder die Agent-Prüfung der Gruppe %1</translation>
    </message>
</context>
<context>
    <name>ConfigFields</name>
    <message>
        <source>Enter a duration, e.g. 30s.</source>
        <translation>Geben Sie eine Dauer ein, z. B. 30s.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration: use e.g. 500ms, 30s, 5m, 1h or 1d.</source>
        <translation>„%1“ ist keine Dauer: verwenden Sie z. B. 500ms, 30s, 5m, 1h oder 1d.</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <translation>Höchstens %1.</translation>
    </message>
    <message>
        <source>Not an address (%1): use host:port, e.g. 127.0.0.1:8080 or [::1]:80.</source>
        <translation>Keine Adresse (%1): verwenden Sie Host:Port, z. B. 127.0.0.1:8080 oder [::1]:80.</translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>Worker-Threads</translation>
    </message>
    <message>
        <source>Proxy threads; 0 means one per CPU core.</source>
        <translation>Proxy-Threads; 0 bedeutet einen pro CPU-Kern.</translation>
    </message>
    <message>
        <source>Connection limit</source>
        <translation>Verbindungsgrenze</translation>
    </message>
    <message>
        <source>Most client connections at once; 0 means no limit.</source>
        <translation>Höchstzahl gleichzeitiger Client-Verbindungen; 0 bedeutet keine Grenze.</translation>
    </message>
    <message>
        <source>Drain timeout</source>
        <translation>Auslauffrist</translation>
    </message>
    <message>
        <source>How long open connections may finish when the balancer stops.</source>
        <translation>Wie lange offene Verbindungen zu Ende laufen dürfen, wenn der Balancer stoppt.</translation>
    </message>
    <message>
        <source>Save runtime changes</source>
        <translation>Laufzeitänderungen speichern</translation>
    </message>
    <message>
        <source>Only when asked</source>
        <translation>Nur auf Anweisung</translation>
    </message>
    <message>
        <source>At once (auto)</source>
        <translation>Sofort (auto)</translation>
    </message>
    <message>
        <source>Retry failed hosts after</source>
        <translation>Ausgefallene Hosts erneut versuchen nach</translation>
    </message>
    <message>
        <source>Minimum time before a failed host is tried again.</source>
        <translation>Mindestzeit, bevor ein ausgefallener Host erneut versucht wird.</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Verbindungsfrist</translation>
    </message>
    <message>
        <source>Default for every service.</source>
        <translation>Vorgabe für jeden Dienst.</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Leerlauffrist</translation>
    </message>
    <message>
        <source>Default for every service; 0 means none.</source>
        <translation>Vorgabe für jeden Dienst; 0 bedeutet keine.</translation>
    </message>
    <message>
        <source>Probe hosts that are up</source>
        <translation>Verfügbare Hosts prüfen</translation>
    </message>
    <message>
        <source>Health checks while a host is up (down hosts are always probed).</source>
        <translation>Zustandsprüfungen, solange ein Host verfügbar ist (ausgefallene Hosts werden immer geprüft).</translation>
    </message>
    <message>
        <source>Probe interval</source>
        <translation>Prüfintervall</translation>
    </message>
    <message>
        <source>Probe timeout</source>
        <translation>Prüffrist</translation>
    </message>
    <message>
        <source>Successes to come back up</source>
        <translation>Erfolge bis zur Rückkehr</translation>
    </message>
    <message>
        <source>Failures to go down</source>
        <translation>Fehlschläge bis zum Ausfall</translation>
    </message>
    <message>
        <source>Probe interval while down</source>
        <translation>Prüfintervall bei Ausfall</translation>
    </message>
    <message>
        <source>Probe interval when all are down</source>
        <translation>Prüfintervall, wenn alle ausgefallen sind</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Protokollstufe</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <source>Empty: standard error (or the journal).</source>
        <translation>Leer: Standardfehlerausgabe (oder das Journal).</translation>
    </message>
    <message>
        <source>Log every connection</source>
        <translation>Jede Verbindung protokollieren</translation>
    </message>
    <message>
        <source>Serve the admin API</source>
        <translation>Admin-API anbieten</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Lauschen auf</translation>
    </message>
    <message>
        <source>Loopback unless TLS is set up (or insecure is allowed).</source>
        <translation>Loopback, außer TLS ist eingerichtet (oder Unsicheres ist erlaubt).</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>TLS-Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>TLS key (PEM)</source>
        <translation>TLS-Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>Allow plain HTTP on a public address</source>
        <translation>Unverschlüsseltes HTTP auf öffentlicher Adresse erlauben</translation>
    </message>
    <message>
        <source>Metrics without a password</source>
        <translation>Metriken ohne Passwort</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Voll</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Stored as a PBKDF2 hash; the password itself is never saved.</source>
        <translation>Als PBKDF2-Hash gespeichert; das Passwort selbst wird nie gespeichert.</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Verwenden Sie mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>Empty: the default from Settings.</source>
        <translation>Leer: die Vorgabe aus den Einstellungen.</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>Enabled group</source>
        <translation>Aktive Gruppe</translation>
    </message>
    <message>
        <source>New connections go to this group&apos;s hosts.</source>
        <translation>Neue Verbindungen gehen an die Hosts dieser Gruppe.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>*:port for every interface; port 0 lets the system choose.</source>
        <translation>*:Port für alle Schnittstellen; Port 0 lässt das System wählen.</translation>
    </message>
    <message>
        <source>The service already listens there.</source>
        <translation>Der Dienst lauscht dort bereits.</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>Verteiler</translation>
    </message>
    <message>
        <source>Sticky time</source>
        <translation>Haftdauer</translation>
    </message>
    <message>
        <source>&quot;sticky&quot; scheduler: how long an idle client keeps its host.</source>
        <translation>Verteiler „sticky“: wie lange ein ruhender Client seinen Host behält.</translation>
    </message>
    <message>
        <source>host:port of the backend.</source>
        <translation>Host:Port des Backends.</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Share of new connections; 0 sends none.</source>
        <translation>Anteil an neuen Verbindungen; 0 schickt keine.</translation>
    </message>
    <message>
        <source>Most open connections to this host; 0 means no limit.</source>
        <translation>Höchstzahl offener Verbindungen zu diesem Host; 0 bedeutet keine Grenze.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>Auslaufen</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>A user needs a name.</source>
        <translation>Ein Benutzer braucht einen Namen.</translation>
    </message>
    <message>
        <source>Another user is already called &quot;%1&quot;.</source>
        <translation>Ein anderer Benutzer heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>A service needs a name.</source>
        <translation>Ein Dienst braucht einen Namen.</translation>
    </message>
    <message>
        <source>Another service is already called &quot;%1&quot;.</source>
        <translation>Ein anderer Dienst heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>Eine Gruppe braucht einen Namen.</translation>
    </message>
    <message>
        <source>Another group is already called &quot;%1&quot;.</source>
        <translation>Eine andere Gruppe heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>A host needs a name.</source>
        <translation>Ein Host braucht einen Namen.</translation>
    </message>
    <message>
        <source>Another host is already called &quot;%1&quot;.</source>
        <translation>Ein anderer Host heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>Pair: virtual address</source>
        <translation>Paar: virtuelle Adresse</translation>
    </message>
    <message>
        <source>The keepalived pair&apos;s virtual IP: on a local interface, this node is the master.</source>
        <translation>Die virtuelle IP des keepalived-Paars: Liegt sie auf einer lokalen Schnittstelle, ist dieser Knoten der Master.</translation>
    </message>
    <message>
        <source>Pair: state file</source>
        <translation>Paar: Statusdatei</translation>
    </message>
    <message>
        <source>Absolute path of the file keepalived&apos;s notify script writes MASTER, BACKUP or FAULT into; it decides the role when readable.</source>
        <translation>Absoluter Pfad der Datei, in die das Notify-Skript von keepalived MASTER, BACKUP oder FAULT schreibt; ist sie lesbar, bestimmt sie die Rolle.</translation>
    </message>
    <message>
        <source>Health check from any address</source>
        <translation>Health-Check von jeder Adresse</translation>
    </message>
    <message>
        <source>GET /api/v1/health answers clients that are not on loopback too (no password either way).</source>
        <translation>GET /api/v1/health antwortet auch Clients, die nicht auf Loopback sind (ohne Passwort, so oder so).</translation>
    </message>
    <message>
        <source>Table size</source>
        <translation>Tabellengröße</translation>
    </message>
    <message>
        <source>&quot;maglev&quot; scheduler: entries of the lookup table, a prime number; at least 100 per host for an even spread.</source>
        <translation>Scheduler „maglev“: Einträge der Zuordnungstabelle, eine Primzahl; mindestens 100 pro Host für eine gleichmäßige Verteilung.</translation>
    </message>
    <message>
        <source>Enter a prime number from %1 to %2, such as %3.</source>
        <translation>Geben Sie eine Primzahl von %1 bis %2 ein, etwa %3.</translation>
    </message>
    <message>
        <source>Balance factor</source>
        <translation>Lastfaktor</translation>
    </message>
    <message>
        <source>&quot;maglev&quot; scheduler: bounded load. A host with more than this factor times its share of the connections is skipped. Empty: no bound.</source>
        <translation>Scheduler „maglev“: begrenzte Last. Ein Host mit mehr als diesem Faktor mal seinem Anteil an den Verbindungen wird übersprungen. Leer: keine Grenze.</translation>
    </message>
    <message>
        <source>no bound</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Enter a number above 1 and at most 100, such as 1.25, or leave it empty.</source>
        <translation>Geben Sie eine Zahl über 1 und höchstens 100 ein, etwa 1.25, oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <source>Accept PROXY header</source>
        <translation>PROXY-Header annehmen</translation>
    </message>
    <message>
        <source>Clients of this listener are proxies (HAProxy, a cloud load balancer) that send a PROXY protocol header first; its address is then the client&apos;s.</source>
        <translation>Die Clients dieses Listeners sind Proxys (HAProxy, ein Cloud-Load-Balancer), die zuerst einen PROXY-Protokoll-Header senden; dessen Adresse gilt dann als die des Clients.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Version 1 (text)</source>
        <translation>Version 1 (Text)</translation>
    </message>
    <message>
        <source>Version 2 (binary)</source>
        <translation>Version 2 (binär)</translation>
    </message>
    <message>
        <source>Version 1 or 2</source>
        <translation>Version 1 oder 2</translation>
    </message>
    <message>
        <source>Trusted proxies</source>
        <translation>Vertrauenswürdige Proxys</translation>
    </message>
    <message>
        <source>Addresses or networks allowed to send a PROXY header, comma-separated, e.g. 127.0.0.1, 10.0.0.0/8; anyone else is refused.</source>
        <translation>Adressen oder Netze, die einen PROXY-Header senden dürfen, durch Kommas getrennt, z. B. 127.0.0.1, 10.0.0.0/8; alle anderen werden abgewiesen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address or network: use e.g. 127.0.0.1, 10.0.0.0/8 or 2001:db8::/32.</source>
        <translation>„%1“ ist keine Adresse und kein Netz: verwenden Sie z. B. 127.0.0.1, 10.0.0.0/8 oder 2001:db8::/32.</translation>
    </message>
    <message>
        <source>PROXY header timeout</source>
        <translation>Frist für den PROXY-Header</translation>
    </message>
    <message>
        <source>The whole header must arrive within this; otherwise the connection is closed.</source>
        <translation>Der ganze Header muss innerhalb dieser Zeit ankommen; sonst wird die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>PROXY header</source>
        <translation>PROXY-Header</translation>
    </message>
    <message>
        <source>Sent to the hosts before the client&apos;s bytes, so that they see the client&apos;s address; a host must expect it (HAProxy&apos;s accept-proxy, nginx&apos;s proxy_protocol).</source>
        <translation>Wird vor den Bytes des Clients an die Hosts gesendet, damit sie die Adresse des Clients sehen; ein Host muss ihn erwarten (accept-proxy bei HAProxy, proxy_protocol bei nginx).</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>What this host gets before the client&apos;s bytes; &quot;As the group&quot; follows the group&apos;s setting.</source>
        <translation>Was dieser Host vor den Bytes des Clients erhält; „Wie die Gruppe“ folgt der Einstellung der Gruppe.</translation>
    </message>
    <message>
        <source>As the group</source>
        <translation>Wie die Gruppe</translation>
    </message>
    <message>
        <source>The connection log: one record per finished connection (docs/connection-log.md).</source>
        <translation>Das Verbindungsprotokoll: ein Eintrag je beendeter Verbindung (docs/connection-log.md).</translation>
    </message>
    <message>
        <source>Connection log format</source>
        <translation>Format des Verbindungsprotokolls</translation>
    </message>
    <message>
        <source>Text (key=value)</source>
        <translation>Text (Schlüssel=Wert)</translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation>JSON-Zeilen</translation>
    </message>
    <message>
        <source>Connection log destination</source>
        <translation>Ziel des Verbindungsprotokolls</translation>
    </message>
    <message>
        <source>The balancer&apos;s log</source>
        <translation>Das Protokoll des Balancers</translation>
    </message>
    <message>
        <source>Syslog</source>
        <translation>Syslog</translation>
    </message>
    <message>
        <source>Syslog socket</source>
        <translation>Syslog-Socket</translation>
    </message>
    <message>
        <source>The UNIX datagram socket of the syslog daemon, for the syslog destination.</source>
        <translation>Der UNIX-Datagramm-Socket des Syslog-Dienstes, für das Ziel Syslog.</translation>
    </message>
    <message>
        <source>Interim records every</source>
        <translation>Zwischeneinträge alle</translation>
    </message>
    <message>
        <source>A record for connections still open, this often; 0: none.</source>
        <translation>Ein Eintrag für noch offene Verbindungen in diesem Abstand; 0: keiner.</translation>
    </message>
    <message>
        <source>Log at connect</source>
        <translation>Beim Verbindungsaufbau protokollieren</translation>
    </message>
    <message>
        <source>A record also when the backend accepts, not only when the connection ends.</source>
        <translation>Ein Eintrag auch, wenn das Backend annimmt, nicht erst am Ende der Verbindung.</translation>
    </message>
    <message>
        <source>Access control</source>
        <translation>Zugriffskontrolle</translation>
    </message>
    <message>
        <source>Accept or refuse clients by address; the first matching rule decides.</source>
        <translation>Clients nach Adresse annehmen oder abweisen; die erste passende Regel entscheidet.</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>What happens to a client that no rule matches.</source>
        <translation>Was mit einem Client geschieht, auf den keine Regel passt.</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>erlauben</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>verweigern</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>In order: the first rule whose addresses hold the client&apos;s decides.</source>
        <translation>Der Reihe nach: Die erste Regel, deren Adressen die des Clients enthalten, entscheidet.</translation>
    </message>
    <message>
        <source>Rule %1 has no address.</source>
        <translation>Regel %1 hat keine Adresse.</translation>
    </message>
    <message>
        <source>Rule %1: &quot;%2&quot; is not an address or prefix such as 10.0.0.0/8.</source>
        <translation>Regel %1: „%2“ ist keine Adresse und kein Präfix wie 10.0.0.0/8.</translation>
    </message>
    <message>
        <source>Per-source limits</source>
        <translation>Grenzen je Quelle</translation>
    </message>
    <message>
        <source>Limit the connections each client address (or prefix) may open.</source>
        <translation>Die Verbindungen begrenzen, die jede Client-Adresse (oder jedes Präfix) öffnen darf.</translation>
    </message>
    <message>
        <source>New connections per source</source>
        <translation>Neue Verbindungen je Quelle</translation>
    </message>
    <message>
        <source>A rate such as 10/s or 600/m; empty: no rate limit.</source>
        <translation>Eine Rate wie 10/s oder 600/m; leer: keine Ratengrenze.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Expected a rate such as 10/s or 600/m.</source>
        <translation>Erwartet wird eine Rate wie 10/s oder 600/m.</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Dry run refuses nothing: it counts and logs what enforcing would refuse.</source>
        <translation>Der Probelauf weist nichts ab: Er zählt und protokolliert, was die Durchsetzung abweisen würde.</translation>
    </message>
    <message>
        <source>enforce</source>
        <translation>durchsetzen</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Open connections per source</source>
        <translation>Offene Verbindungen je Quelle</translation>
    </message>
    <message>
        <source>0: no limit on open connections.</source>
        <translation>0: keine Grenze für offene Verbindungen.</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Spitze</translation>
    </message>
    <message>
        <source>Connections a quiet source may open at once; 0: the rate&apos;s number.</source>
        <translation>Verbindungen, die eine ruhige Quelle auf einmal öffnen darf; 0: die Zahl der Rate.</translation>
    </message>
    <message>
        <source>IPv4 prefix</source>
        <translation>IPv4-Präfix</translation>
    </message>
    <message>
        <source>Bits of an IPv4 address that name a source: 32 each address, 24 a /24.</source>
        <translation>Bits einer IPv4-Adresse, die eine Quelle bezeichnen: 32 jede Adresse, 24 ein /24.</translation>
    </message>
    <message>
        <source>IPv6 prefix</source>
        <translation>IPv6-Präfix</translation>
    </message>
    <message>
        <source>Bits of an IPv6 address that name a source: 64 a /64.</source>
        <translation>Bits einer IPv6-Adresse, die eine Quelle bezeichnen: 64 ein /64.</translation>
    </message>
    <message>
        <source>Tracked sources</source>
        <translation>Erfasste Quellen</translation>
    </message>
    <message>
        <source>At most this many sources are remembered; the least recently seen go first.</source>
        <translation>Höchstens so viele Quellen werden gemerkt; die am längsten nicht gesehenen gehen zuerst.</translation>
    </message>
    <message>
        <source>TLS routes</source>
        <translation>TLS-Routen</translation>
    </message>
    <message>
        <source>In order: the first route whose server names and ALPN protocols match the client&apos;s TLS hello decides; none does: the enabled group. Drag a route to move it.</source>
        <translation>Der Reihe nach: Die erste Route, deren Servernamen und ALPN-Protokolle zum TLS-Hello des Clients passen, entscheidet; passt keine: die aktive Gruppe. Eine Route zum Verschieben ziehen.</translation>
    </message>
    <message>
        <source>Route %1: %2</source>
        <translation>Route %1: %2</translation>
    </message>
    <message>
        <source>Peek timeout</source>
        <translation>Frist für das TLS-Hello</translation>
    </message>
    <message>
        <source>With TLS routes: the whole TLS hello must arrive within this.</source>
        <translation>Mit TLS-Routen: Das ganze TLS-Hello muss innerhalb dieser Zeit ankommen.</translation>
    </message>
    <message>
        <source>Peek size (bytes)</source>
        <translation>Größe des TLS-Hello (Bytes)</translation>
    </message>
    <message>
        <source>With TLS routes: the largest TLS hello read.</source>
        <translation>Mit TLS-Routen: das größte gelesene TLS-Hello.</translation>
    </message>
    <message>
        <source>DNS SRV discovery</source>
        <translation>DNS-SRV-Ermittlung</translation>
    </message>
    <message>
        <source>Take hosts from this DNS SRV record, kept in step with it (Consul, Kubernetes); empty: none. Discovered hosts are not saved in the file.</source>
        <translation>Hosts aus diesem DNS-SRV-Eintrag übernehmen und mit ihm abgleichen (Consul, Kubernetes); leer: keine. Ermittelte Hosts werden nicht in der Datei gespeichert.</translation>
    </message>
    <message>
        <source>_http._tcp.web.example.org</source>
        <translation>_http._tcp.web.example.org</translation>
    </message>
    <message>
        <source>Enter a DNS name such as _http._tcp.web.example.org, or leave it empty.</source>
        <translation>Geben Sie einen DNS-Namen wie _http._tcp.web.example.org ein oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <source>Discovery interval</source>
        <translation>Ermittlungsintervall</translation>
    </message>
    <message>
        <source>Longest wait between two SRV lookups; a shorter TTL wins, down to 1 s.</source>
        <translation>Längste Pause zwischen zwei SRV-Abfragen; eine kürzere TTL hat Vorrang, bis hinab zu 1 s.</translation>
    </message>
    <message>
        <source>Enter a duration from %1 to %2.</source>
        <translation>Geben Sie eine Dauer von %1 bis %2 ein.</translation>
    </message>
    <message>
        <source>Name resolution</source>
        <translation>Namensauflösung</translation>
    </message>
    <message>
        <source>For an address that is a DNS name: connect to its first address, or make each of its addresses a host of its own (discovered, not saved).</source>
        <translation>Für eine Adresse, die ein DNS-Name ist: mit seiner ersten Adresse verbinden oder jede seiner Adressen zu einem eigenen Host machen (ermittelt, nicht gespeichert).</translation>
    </message>
    <message>
        <source>First address</source>
        <translation>Erste Adresse</translation>
    </message>
    <message>
        <source>Every address a host</source>
        <translation>Jede Adresse ein Host</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Terminate TLS here: clients speak TLS to this listener and the backends get plain TCP. Needs a certificate and its key.</source>
        <translation>TLS hier terminieren: Clients sprechen TLS mit diesem Listener, die Backends erhalten reines TCP. Braucht ein Zertifikat und seinen Schlüssel.</translation>
    </message>
    <message>
        <source>No (plain TCP)</source>
        <translation>Nein (reines TCP)</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Terminieren</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <source>PEM certificate, with its chain after it; a relative path is next to the config file. Reloaded when the file changes.</source>
        <translation>PEM-Zertifikat, gefolgt von seiner Kette; ein relativer Pfad liegt neben der Konfigurationsdatei. Wird neu geladen, wenn sich die Datei ändert.</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>PEM private key of the certificate, without a passphrase.</source>
        <translation>Privater PEM-Schlüssel des Zertifikats, ohne Passphrase.</translation>
    </message>
    <message>
        <source>Minimum TLS version</source>
        <translation>Mindest-TLS-Version</translation>
    </message>
    <message>
        <source>TLS 1.2</source>
        <translation>TLS 1.2</translation>
    </message>
    <message>
        <source>TLS 1.3</source>
        <translation>TLS 1.3</translation>
    </message>
    <message>
        <source>ALPN protocols</source>
        <translation>ALPN-Protokolle</translation>
    </message>
    <message>
        <source>Protocols offered to clients, in order of preference, comma-separated, e.g. h2, http/1.1.</source>
        <translation>Den Clients angebotene Protokolle, nach Vorzug geordnet, durch Kommas getrennt, z. B. h2, http/1.1.</translation>
    </message>
    <message>
        <source>Client CA file</source>
        <translation>Client-CA-Datei</translation>
    </message>
    <message>
        <source>PEM certificates of the authorities that sign client certificates; when set, a client without a valid certificate is refused.</source>
        <translation>PEM-Zertifikate der Stellen, die Client-Zertifikate signieren; wenn gesetzt, wird ein Client ohne gültiges Zertifikat abgewiesen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration: use e.g. 30s or 2m; 0 for none.</source>
        <translation>„%1“ ist keine Dauer: z. B. 30s oder 2m; 0 für keinen.</translation>
    </message>
    <message>
        <source>Enter a duration from %1 to %2, e.g. 2s.</source>
        <translation>Geben Sie eine Dauer von %1 bis %2 ein, z. B. 2s.</translation>
    </message>
    <message>
        <source>Enter a port from 1 to 65535, or 0 for no agent.</source>
        <translation>Geben Sie einen Port von 1 bis 65535 ein, oder 0 für keinen Agent.</translation>
    </message>
    <message>
        <source>Slow start</source>
        <translation>Sanftstart</translation>
    </message>
    <message>
        <source>A host that comes back (health up, back to ready, added) gets its weight over this time, from almost nothing; 0 for none.</source>
        <translation>Ein zurückkehrender Host (wieder erreichbar, wieder bereit, hinzugefügt) erhält sein Gewicht über diese Zeit, von fast null an; 0 für keinen.</translation>
    </message>
    <message>
        <source>Agent port</source>
        <translation>Agent-Port</translation>
    </message>
    <message>
        <source>Port of the agent on each host (HAProxy&apos;s agent check): it answers a line that may change the host&apos;s weight, limit, state or health; 0 for none.</source>
        <translation>Port des Agenten auf jedem Host (HAProxys Agent-Check): Er antwortet mit einer Zeile, die Gewicht, Limit, Zustand oder Erreichbarkeit des Hosts ändern kann; 0 für keinen.</translation>
    </message>
    <message>
        <source>Agent interval</source>
        <translation>Agent-Intervall</translation>
    </message>
    <message>
        <source>How often each agent is asked; also how long it has to answer.</source>
        <translation>Wie oft jeder Agent gefragt wird; auch wie lange er zum Antworten hat.</translation>
    </message>
    <message>
        <source>Agent request</source>
        <translation>Agent-Anfrage</translation>
    </message>
    <message>
        <source>Sent to the agent after connecting, with \n for a line end; empty: nothing.</source>
        <translation>Wird nach dem Verbinden an den Agenten gesendet, mit \n für ein Zeilenende; leer: nichts.</translation>
    </message>
    <message>
        <source>as the group</source>
        <translation>wie die Gruppe</translation>
    </message>
    <message>
        <source>This host&apos;s own slow start; empty: the group&apos;s.</source>
        <translation>Eigener Sanftstart dieses Hosts; leer: der der Gruppe.</translation>
    </message>
    <message>
        <source>This host&apos;s agent port; 0: no agent; empty: the group&apos;s.</source>
        <translation>Agent-Port dieses Hosts; 0: kein Agent; leer: der der Gruppe.</translation>
    </message>
    <message>
        <source>How often this host&apos;s agent is asked; empty: the group&apos;s.</source>
        <translation>Wie oft der Agent dieses Hosts gefragt wird; leer: wie die Gruppe.</translation>
    </message>
    <message>
        <source>Sent to this host&apos;s agent, with \n for a line end; empty: the group&apos;s.</source>
        <translation>Wird an den Agenten dieses Hosts gesendet, mit \n für ein Zeilenende; leer: wie die Gruppe.</translation>
    </message>
    <message>
        <source>When a host goes down</source>
        <translation>Wenn ein Host ausfällt</translation>
    </message>
    <message>
        <source>What happens to the open connections of a host that the health checks mark down: they stay until they end, or they are cut at once so that clients reconnect to a working host.</source>
        <translation>Was mit den offenen Verbindungen eines Hosts geschieht, den die Zustandsprüfung als ausgefallen markiert: Sie bleiben bis zu ihrem Ende, oder sie werden sofort getrennt, damit Clients sich mit einem funktionierenden Host neu verbinden.</translation>
    </message>
    <message>
        <source>Keep its connections</source>
        <translation>Seine Verbindungen behalten</translation>
    </message>
    <message>
        <source>Cut its connections</source>
        <translation>Seine Verbindungen trennen</translation>
    </message>
    <message>
        <source>When a primary host is back</source>
        <translation>Wenn ein primärer Host zurück ist</translation>
    </message>
    <message>
        <source>What happens to the backup hosts&apos; open connections when a primary host comes back up: they stay (new connections go to the primary), or they are cut.</source>
        <translation>Was mit den offenen Verbindungen der Backup-Hosts geschieht, wenn ein primärer Host wieder verfügbar ist: Sie bleiben (neue Verbindungen gehen an den primären), oder sie werden getrennt.</translation>
    </message>
    <message>
        <source>Keep backup connections</source>
        <translation>Backup-Verbindungen behalten</translation>
    </message>
    <message>
        <source>Cut backup connections</source>
        <translation>Backup-Verbindungen trennen</translation>
    </message>
    <message>
        <source>Use every backup host</source>
        <translation>Jeden Backup-Host nutzen</translation>
    </message>
    <message>
        <source>While no primary host is up: every backup host takes connections, not only the first one that is up.</source>
        <translation>Solange kein primärer Host verfügbar ist: Jeder Backup-Host nimmt Verbindungen an, nicht nur der erste verfügbare.</translation>
    </message>
    <message>
        <source>DNS server</source>
        <translation>DNS-Server</translation>
    </message>
    <message>
        <source>The name server asked for host names and SRV records (discovery); an IP address with an optional port. Empty: the system&apos;s resolver.</source>
        <translation>Der Nameserver, der nach Hostnamen und SRV-Einträgen gefragt wird (Ermittlung); eine IP-Adresse mit optionalem Port. Leer: der Resolver des Systems.</translation>
    </message>
    <message>
        <source>system resolver</source>
        <translation>Resolver des Systems</translation>
    </message>
    <message>
        <source>Not a name server address (%1): use an IP address with an optional port, e.g. 192.0.2.53 or [2001:db8::53]:5353, or leave it empty.</source>
        <translation>Keine Nameserver-Adresse (%1): verwenden Sie eine IP-Adresse mit optionalem Port, z. B. 192.0.2.53 oder [2001:db8::53]:5353, oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <source>DNS refresh interval</source>
        <translation>DNS-Aktualisierungsintervall</translation>
    </message>
    <message>
        <source>Longest wait before a host name is looked up again; a shorter TTL wins.</source>
        <translation>Längste Pause, bevor ein Hostname erneut nachgeschlagen wird; eine kürzere TTL hat Vorrang.</translation>
    </message>
    <message>
        <source>Alert %1, %2: %3</source>
        <translation>Alarm %1, %2: %3</translation>
    </message>
    <message>
        <source>Alert %1: %2</source>
        <translation>Alarm %1: %2</translation>
    </message>
    <message>
        <source>An alert could not be read.</source>
        <translation>Ein Alarm konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Who is told when a host or group changes state, a config is applied or a certificate nears its expiry: each alert a webhook (POST of a JSON event) or a program, with its own filter, queue, rate limit and retries (docs/alerts.md).</source>
        <translation>Wer benachrichtigt wird, wenn ein Host oder eine Gruppe den Zustand wechselt, eine Konfiguration angewendet wird oder ein Zertifikat bald abläuft: jeder Alarm ein Webhook (POST eines JSON-Ereignisses) oder ein Programm, mit eigenem Filter, eigener Warteschlange, Ratengrenze und Wiederholungen (docs/alerts.md).</translation>
    </message>
    <message>
        <source>Route %1: &quot;%2&quot; is not a duration: use e.g. 500ms or 2s.</source>
        <translation>Route %1: „%2“ ist keine Dauer: verwenden Sie z. B. 500ms oder 2s.</translation>
    </message>
    <message>
        <source>Backup host</source>
        <translation>Backup-Host</translation>
    </message>
    <message>
        <source>Takes connections only while no primary (non-backup) host of the group is up.</source>
        <translation>Nimmt nur Verbindungen an, solange kein primärer (Nicht-Backup-)Host der Gruppe verfügbar ist.</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
</context>
<context>
    <name>StateStyle</name>
    <message>
        <source>up</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>läuft aus</translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Balancier desktop console: watch and steer a balancer, edit its config.</source>
        <translation>Balancier-Desktopkonsole: einen Balancer beobachten und steuern, seine Konfiguration bearbeiten.</translation>
    </message>
    <message>
        <source>A config file to open in the editor.</source>
        <translation>Eine Konfigurationsdatei, die im Editor geöffnet wird.</translation>
    </message>
    <message>
        <source>The admin user for --connect.</source>
        <translation>Der Admin-Benutzer für --connect.</translation>
    </message>
    <message>
        <source>Read the password for --connect from the first line of FILE.</source>
        <translation>Das Passwort für --connect aus der ersten Zeile von FILE lesen.</translation>
    </message>
    <message>
        <source>Use LANGUAGE (en, de, fr, es) instead of the preference.</source>
        <translation>LANGUAGE (en, de, fr, es) statt der Einstellung verwenden.</translation>
    </message>
    <message>
        <source>Select SERVICE/GROUP/HOST on the dashboard once it shows.</source>
        <translation>SERVICE/GROUP/HOST in der Übersicht auswählen, sobald er erscheint.</translation>
    </message>
    <message>
        <source>Select the host SERVICE/GROUP/HOST in the editor.</source>
        <translation>Den Host SERVICE/GROUP/HOST im Editor auswählen.</translation>
    </message>
    <message>
        <source>Use the system&apos;s colours, or a light or dark palette (system, light, dark).</source>
        <translation>Die Farben des Systems oder eine helle oder dunkle Palette verwenden (system, light, dark).</translation>
    </message>
    <message>
        <source>Run the config FILE in this app and show it on the dashboard (in a second window with --connect).</source>
        <translation>Die Konfiguration FILE in dieser App ausführen und in der Übersicht zeigen (mit --connect in einem zweiten Fenster).</translation>
    </message>
    <message>
        <source>Show PAGE first: dashboard, connections, editor or log.</source>
        <translation>Zuerst PAGE zeigen: dashboard, connections, editor oder log.</translation>
    </message>
    <message>
        <source>Also show the fleet overview.</source>
        <translation>Auch die Flottenübersicht zeigen.</translation>
    </message>
    <message>
        <source>Connect to the admin API at URL (e.g. %1).</source>
        <translation>Mit der Admin-API unter URL verbinden (z. B. %1).</translation>
    </message>
</context>
</TS>
