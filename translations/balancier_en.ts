<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Balancier::AclRulesEditor</name>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>ACL rules, first match decides</source>
        <translation>ACL rules, first match decides</translation>
    </message>
    <message>
        <source>Action of the selected rule</source>
        <translation>Action of the selected rule</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>allow</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>deny</translation>
    </message>
    <message>
        <source>Addresses of the selected rule</source>
        <translation>Addresses of the selected rule</translation>
    </message>
    <message>
        <source>10.0.0.0/8, 2001:db8::/32</source>
        <translation>10.0.0.0/8, 2001:db8::/32</translation>
    </message>
    <message>
        <source>Move the rule up</source>
        <translation>Move the rule up</translation>
    </message>
    <message>
        <source>Move the rule down</source>
        <translation>Move the rule down</translation>
    </message>
</context>
<context>
    <name>Balancier::AddressProbe</name>
    <message>
        <source>no answer within the time limit</source>
        <translation>no answer within the time limit</translation>
    </message>
    <message>
        <source>not a single address</source>
        <translation>not a single address</translation>
    </message>
    <message>
        <source>%1 (%2): connected in %3 ms</source>
        <translation>%1 (%2): connected in %3 ms</translation>
    </message>
    <message>
        <source>%1 (%2): failed: %3</source>
        <translation>%1 (%2): failed: %3</translation>
    </message>
</context>
<context>
    <name>Balancier::AlertsEditor</name>
    <message>
        <source>exec %1</source>
        <translation>exec %1</translation>
    </message>
    <message>
        <source>webhook %1</source>
        <translation>webhook %1</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>all events</translation>
    </message>
    <message>
        <source>Add webhook</source>
        <translation>Add webhook</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Alerts, each a webhook or a program</source>
        <translation>Alerts, each a webhook or a program</translation>
    </message>
    <message>
        <source>Move the alert up</source>
        <translation>Move the alert up</translation>
    </message>
    <message>
        <source>Move the alert down</source>
        <translation>Move the alert down</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <source>An http:// or https:// address each event is POSTed to as JSON; empty for a program.</source>
        <translation>An http:// or https:// address each event is POSTed to as JSON; empty for a program.</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Absolute path of a program run for each event, with the event in BALANCIER_EVENT_* variables; empty for a webhook.</source>
        <translation>Absolute path of a program run for each event, with the event in BALANCIER_EVENT_* variables; empty for a webhook.</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Config applied</source>
        <translation>Config applied</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Events of this kind are sent (events=&quot;...&quot;); at least one kind.</source>
        <translation>Events of this kind are sent (events=&quot;...&quot;); at least one kind.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Only services</source>
        <translation>Only services</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Comma-separated: only the events of these services; empty: every service.</source>
        <translation>Comma-separated: only the events of these services; empty: every service.</translation>
    </message>
    <message>
        <source>Only groups</source>
        <translation>Only groups</translation>
    </message>
    <message>
        <source>Comma-separated: only the events of these groups; empty: every group.</source>
        <translation>Comma-separated: only the events of these groups; empty: every group.</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>One attempt (request or program run) at most this long.</source>
        <translation>One attempt (request or program run) at most this long.</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Retries</translation>
    </message>
    <message>
        <source>Further attempts after a failed one.</source>
        <translation>Further attempts after a failed one.</translation>
    </message>
    <message>
        <source>Backoff</source>
        <translation>Backoff</translation>
    </message>
    <message>
        <source>The wait before the first retry; doubled for each next one.</source>
        <translation>The wait before the first retry; doubled for each next one.</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Rate limit</translation>
    </message>
    <message>
        <source>At most this many deliveries per second, minute or hour (60/m); more wait in the queue.</source>
        <translation>At most this many deliveries per second, minute or hour (60/m); more wait in the queue.</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Events waiting for their turn at most; more are dropped and counted.</source>
        <translation>Events waiting for their turn at most; more are dropped and counted.</translation>
    </message>
    <message>
        <source>JSON event</source>
        <translation>JSON event</translation>
    </message>
    <message>
        <source>Slack / Teams text</source>
        <translation>Slack / Teams text</translation>
    </message>
    <message>
        <source>A webhook&apos;s body: the event as JSON, or {&quot;text&quot;: ...} for Slack and Microsoft Teams incoming webhooks.</source>
        <translation>A webhook&apos;s body: the event as JSON, or {&quot;text&quot;: ...} for Slack and Microsoft Teams incoming webhooks.</translation>
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
        <translation>Apply to Running Balancer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <source>Changes to apply</source>
        <translation>Changes to apply</translation>
    </message>
    <message numerus="yes">
        <source>%n of them affect(s) live traffic (in bold).</source>
        <translation>
            <numerusform>%n of them affects live traffic (in bold).</numerusform>
            <numerusform>%n of them affect live traffic (in bold).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) will be applied to %1, live, without a restart.</source>
        <translation>
            <numerusform>%n change will be applied to %1, live, without a restart.</numerusform>
            <numerusform>%n changes will be applied to %1, live, without a restart.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::BalancerClient</name>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconnecting</translation>
    </message>
    <message>
        <source>This balancer does not list its connections.</source>
        <translation>This balancer does not list its connections.</translation>
    </message>
    <message>
        <source>This balancer keeps no config history.</source>
        <translation>This balancer keeps no config history.</translation>
    </message>
</context>
<context>
    <name>Balancier::ChangeText</name>
    <message>
        <source>service %1: group %2</source>
        <translation>service %1: group %2</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>service %1</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>group %1</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>password changed</translation>
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
        <translation>(none)</translation>
    </message>
    <message>
        <source>service %1 added</source>
        <translation>service %1 added</translation>
    </message>
    <message>
        <source>service %1 removed</source>
        <translation>service %1 removed</translation>
    </message>
    <message>
        <source>%1: listener %2 added</source>
        <translation>%1: listener %2 added</translation>
    </message>
    <message>
        <source>%1: listener %2 removed</source>
        <translation>%1: listener %2 removed</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 added</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 removed</translation>
    </message>
    <message>
        <source>%1: enabled group %2 -&gt; %3</source>
        <translation>%1: enabled group %2 -&gt; %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: health: %2</source>
        <translation>%1: health: %2</translation>
    </message>
    <message>
        <source>%1: host %2 added (%3)</source>
        <translation>%1: host %2 added (%3)</translation>
    </message>
    <message>
        <source>%1: host %2 removed</source>
        <translation>%1: host %2 removed</translation>
    </message>
    <message>
        <source>%1: host %2: %3</source>
        <translation>%1: host %2: %3</translation>
    </message>
    <message>
        <source>admin: user %1 added (%2)</source>
        <translation>admin: user %1 added (%2)</translation>
    </message>
    <message>
        <source>admin: user %1 removed</source>
        <translation>admin: user %1 removed</translation>
    </message>
    <message>
        <source>admin: user %1: %2</source>
        <translation>admin: user %1: %2</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>default health: %1</source>
        <translation>default health: %1</translation>
    </message>
    <message>
        <source>default timeouts: %1</source>
        <translation>default timeouts: %1</translation>
    </message>
    <message>
        <source>added</source>
        <translation>added</translation>
    </message>
    <message>
        <source>administrative change</source>
        <translation>administrative change</translation>
    </message>
    <message>
        <source>address changed from %1 to %2</source>
        <translation>address changed from %1 to %2</translation>
    </message>
    <message>
        <source>removed from the config</source>
        <translation>removed from the config</translation>
    </message>
    <message>
        <source>its group was removed</source>
        <translation>its group was removed</translation>
    </message>
    <message>
        <source>its service was removed</source>
        <translation>its service was removed</translation>
    </message>
    <message>
        <source>connect failed</source>
        <translation>connect failed</translation>
    </message>
    <message>
        <source>connect failed: %1</source>
        <translation>connect failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n consecutive probe(s) failed: %1</source>
        <translation>
            <numerusform>probe failed: %1</numerusform>
            <numerusform>%n consecutive probes failed: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consecutive probe(s) succeeded</source>
        <translation>
            <numerusform>probe succeeded</numerusform>
            <numerusform>%n consecutive probes succeeded</numerusform>
        </translation>
    </message>
    <message>
        <source>answered while every host of group &apos;%1&apos; was down</source>
        <translation>answered while every host of group &apos;%1&apos; was down</translation>
    </message>
    <message numerus="yes">
        <source>drain timeout %1 passed: %n open connection(s) cut</source>
        <translation>
            <numerusform>drain timeout %1 passed: %n open connection cut</numerusform>
            <numerusform>drain timeout %1 passed: %n open connections cut</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: PROXY protocol header sent to the hosts: %2 -&gt; %3</source>
        <translation>%1: PROXY protocol header sent to the hosts: %2 -&gt; %3</translation>
    </message>
    <message>
        <source>logging: %1</source>
        <translation>logging: %1</translation>
    </message>
    <message>
        <source>%1 %2 added to service %3&apos;s ACL</source>
        <translation>%1 %2 added to service %3&apos;s ACL</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>allow</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>deny</translation>
    </message>
    <message>
        <source>%1 %2 removed from service %3&apos;s ACL</source>
        <translation>%1 %2 removed from service %3&apos;s ACL</translation>
    </message>
    <message>
        <source>%1: ACL: %2</source>
        <translation>%1: ACL: %2</translation>
    </message>
    <message>
        <source>%1: backups and host failure: %2</source>
        <translation>%1: backups and host failure: %2</translation>
    </message>
    <message numerus="yes">
        <source>drain deadline passed: %n open connection(s) cut</source>
        <translation>
            <numerusform>drain deadline passed: %n open connection cut</numerusform>
            <numerusform>drain deadline passed: %n open connections cut</numerusform>
        </translation>
    </message>
    <message>
        <source>for clients that do not speak TLS</source>
        <translation>for clients that do not speak TLS</translation>
    </message>
    <message>
        <source>%1: TLS route %2 to group %3 added</source>
        <translation>%1: TLS route %2 to group %3 added</translation>
    </message>
    <message>
        <source>%1: TLS route %2 to group %3 removed</source>
        <translation>%1: TLS route %2 to group %3 removed</translation>
    </message>
    <message>
        <source>%1: TLS route %2: %3</source>
        <translation>%1: TLS route %2: %3</translation>
    </message>
    <message>
        <source>%1: TLS routes: %2</source>
        <translation>%1: TLS routes: %2</translation>
    </message>
    <message>
        <source>alert %1 added (%2)</source>
        <translation>alert %1 added (%2)</translation>
    </message>
    <message>
        <source>alert %1 removed (%2)</source>
        <translation>alert %1 removed (%2)</translation>
    </message>
    <message>
        <source>alert %1: %2</source>
        <translation>alert %1: %2</translation>
    </message>
    <message>
        <source>%1: hosts discovered from the DNS SRV record %2</source>
        <translation>%1: hosts discovered from the DNS SRV record %2</translation>
    </message>
    <message>
        <source>%1: DNS discovery from %2 stops; its hosts leave</source>
        <translation>%1: DNS discovery from %2 stops; its hosts leave</translation>
    </message>
    <message>
        <source>%1: DNS discovery: %2</source>
        <translation>%1: DNS discovery: %2</translation>
    </message>
    <message>
        <source>discovered by DNS (%1)</source>
        <translation>discovered by DNS (%1)</translation>
    </message>
    <message>
        <source>its DNS record is gone (%1)</source>
        <translation>its DNS record is gone (%1)</translation>
    </message>
    <message>
        <source>%1: backend feedback (slow start, agent check): %2</source>
        <translation>%1: backend feedback (slow start, agent check): %2</translation>
    </message>
    <message>
        <source>the agent said %1</source>
        <translation>the agent said %1</translation>
    </message>
    <message>
        <source>the agent said %1: %2</source>
        <translation>the agent said %1: %2</translation>
    </message>
    <message>
        <source>the agent said up</source>
        <translation>the agent said up</translation>
    </message>
    <message>
        <source>the agent set %1</source>
        <translation>the agent set %1</translation>
    </message>
    <message>
        <source>the agent check was switched off</source>
        <translation>the agent check was switched off</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigDraft</name>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>%1 (imported)</source>
        <translation>%1 (imported)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Edit XML source (line %1)</source>
        <translation>Edit XML source (line %1)</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigEditor</name>
    <message>
        <source>&amp;New Config</source>
        <translation>&amp;New Config</translation>
    </message>
    <message>
        <source>Start a new config</source>
        <translation>Start a new config</translation>
    </message>
    <message>
        <source>&amp;Open Config…</source>
        <translation>&amp;Open Config…</translation>
    </message>
    <message>
        <source>Open a config file</source>
        <translation>Open a config file</translation>
    </message>
    <message>
        <source>&amp;Save Config</source>
        <translation>&amp;Save Config</translation>
    </message>
    <message>
        <source>Save the config (comments are kept)</source>
        <translation>Save the config (comments are kept)</translation>
    </message>
    <message>
        <source>Save Config &amp;As…</source>
        <translation>Save Config &amp;As…</translation>
    </message>
    <message>
        <source>Save the config under another name</source>
        <translation>Save the config under another name</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>Undo the last edit</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Redo the edit undone last</source>
        <translation>Redo the edit undone last</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <source>Add &amp;Service</source>
        <translation>Add &amp;Service</translation>
    </message>
    <message>
        <source>Add a service</source>
        <translation>Add a service</translation>
    </message>
    <message>
        <source>Add &amp;Listener</source>
        <translation>Add &amp;Listener</translation>
    </message>
    <message>
        <source>Add a listener to the selected service</source>
        <translation>Add a listener to the selected service</translation>
    </message>
    <message>
        <source>Add &amp;Group</source>
        <translation>Add &amp;Group</translation>
    </message>
    <message>
        <source>Add a group to the selected service</source>
        <translation>Add a group to the selected service</translation>
    </message>
    <message>
        <source>Add &amp;Host</source>
        <translation>Add &amp;Host</translation>
    </message>
    <message>
        <source>Add a host to the selected group</source>
        <translation>Add a host to the selected group</translation>
    </message>
    <message>
        <source>Add Admin &amp;User</source>
        <translation>Add Admin &amp;User</translation>
    </message>
    <message>
        <source>Add an admin API user</source>
        <translation>Add an admin API user</translation>
    </message>
    <message>
        <source>&amp;Remove Item</source>
        <translation>&amp;Remove Item</translation>
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation>Remove the selected item</translation>
    </message>
    <message>
        <source>&amp;Apply to Running Balancer…</source>
        <translation>&amp;Apply to Running Balancer…</translation>
    </message>
    <message>
        <source>Show what changes, then apply the draft to the running balancer</source>
        <translation>Show what changes, then apply the draft to the running balancer</translation>
    </message>
    <message>
        <source>Re&amp;vert to Running Config</source>
        <translation>Re&amp;vert to Running Config</translation>
    </message>
    <message>
        <source>Replace the draft with the running config</source>
        <translation>Replace the draft with the running config</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Config</translation>
    </message>
    <message>
        <source>Config items</source>
        <translation>Config items</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>&amp;Problems:</source>
        <translation>&amp;Problems:</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Pending changes</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Apply…</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>running config</source>
        <translation>running config</translation>
    </message>
    <message>
        <source>Open Config</source>
        <translation>Open Config</translation>
    </message>
    <message>
        <source>Cannot open %1.</source>
        <translation>Cannot open %1.</translation>
    </message>
    <message>
        <source>Imported Legacy Config</source>
        <translation>Imported Legacy Config</translation>
    </message>
    <message>
        <source>%1 was written for an older balancer and was converted. Check the import report, then save the converted config under a new name.</source>
        <translation>%1 was written for an older balancer and was converted. Check the import report, then save the converted config under a new name.</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <source>Balancier configs (*.xml);;All files (*)</source>
        <translation>Balancier configs (*.xml);;All files (*)</translation>
    </message>
    <message>
        <source>Save Config</source>
        <translation>Save Config</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Save Config As</source>
        <translation>Save Config As</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Unsaved Changes</translation>
    </message>
    <message>
        <source>The config %1 has unsaved changes. Save them?</source>
        <translation>The config %1 has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>Line %1: </source>
        <translation>Line %1: </translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>No problems.</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Change %1</translation>
    </message>
    <message>
        <source>Add service %1</source>
        <translation>Add service %1</translation>
    </message>
    <message>
        <source>Add listener %1</source>
        <translation>Add listener %1</translation>
    </message>
    <message>
        <source>Add group %1</source>
        <translation>Add group %1</translation>
    </message>
    <message>
        <source>Add host %1</source>
        <translation>Add host %1</translation>
    </message>
    <message>
        <source>Add admin user %1</source>
        <translation>Add admin user %1</translation>
    </message>
    <message>
        <source>Remove service %1</source>
        <translation>Remove service %1</translation>
    </message>
    <message>
        <source>Remove listener %1</source>
        <translation>Remove listener %1</translation>
    </message>
    <message>
        <source>Remove group %1</source>
        <translation>Remove group %1</translation>
    </message>
    <message>
        <source>Remove host %1</source>
        <translation>Remove host %1</translation>
    </message>
    <message>
        <source>Remove admin user %1</source>
        <translation>Remove admin user %1</translation>
    </message>
    <message>
        <source>Reading the running config…</source>
        <translation>Reading the running config…</translation>
    </message>
    <message>
        <source>Not connected to a balancer: nothing to compare the draft with.</source>
        <translation>Not connected to a balancer: nothing to compare the draft with.</translation>
    </message>
    <message>
        <source>The XML source is not well-formed: fix it to compare with the running config.</source>
        <translation>The XML source is not well-formed: fix it to compare with the running config.</translation>
    </message>
    <message>
        <source>The draft matches the running config.</source>
        <translation>The draft matches the running config.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not applied to the running balancer: </source>
        <translation>
            <numerusform>%n change not applied to the running balancer: </numerusform>
            <numerusform>%n changes not applied to the running balancer: </numerusform>
        </translation>
    </message>
    <message>
        <source>Apply to Running Balancer</source>
        <translation>Apply to Running Balancer</translation>
    </message>
    <message>
        <source>The draft has errors (see Problems). Fix them before applying it.</source>
        <translation>The draft has errors (see Problems). Fix them before applying it.</translation>
    </message>
    <message>
        <source>Cannot read the running config: %1</source>
        <translation>Cannot read the running config: %1</translation>
    </message>
    <message>
        <source>Nothing to apply: the draft matches the running config.</source>
        <translation>Nothing to apply: the draft matches the running config.</translation>
    </message>
    <message>
        <source>The balancer refused the config; nothing was changed.</source>
        <translation>The balancer refused the config; nothing was changed.</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n change(s).</source>
        <translation>
            <numerusform>Applied %n change.</numerusform>
            <numerusform>Applied %n changes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revert to the running config</source>
        <translation>Revert to the running config</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Redo: %1</translation>
    </message>
    <message>
        <source>Config &amp;History</source>
        <translation>Config &amp;History</translation>
    </message>
    <message>
        <source>Show the versions of the running config and roll back to one</source>
        <translation>Show the versions of the running config and roll back to one</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>running when connected</source>
        <translation>running when connected</translation>
    </message>
    <message>
        <source>changed outside this editor</source>
        <translation>changed outside this editor</translation>
    </message>
    <message>
        <source>Line %1:%2: </source>
        <translation>Line %1:%2: </translation>
    </message>
    <message>
        <source>applied from this editor</source>
        <translation>applied from this editor</translation>
    </message>
    <message>
        <source>applied config</source>
        <translation>applied config</translation>
    </message>
    <message>
        <source>Nothing to roll back: version %1 is what runs.</source>
        <translation>Nothing to roll back: version %1 is what runs.</translation>
    </message>
    <message>
        <source>Roll Back to Version %1</source>
        <translation>Roll Back to Version %1</translation>
    </message>
    <message>
        <source>rollback to version %1</source>
        <translation>rollback to version %1</translation>
    </message>
    <message>
        <source>Running config</source>
        <translation>Running config</translation>
    </message>
    <message>
        <source>The editor shows the running config.</source>
        <translation>The editor shows the running config.</translation>
    </message>
    <message>
        <source>Running Config</source>
        <translation>Running Config</translation>
    </message>
    <message>
        <source>The balancer runs a config that differs from your edited draft %1. Keep editing the draft, or load the running config into the editor (the draft&apos;s unsaved edits are discarded)?</source>
        <translation>The balancer runs a config that differs from your edited draft %1. Keep editing the draft, or load the running config into the editor (the draft&apos;s unsaved edits are discarded)?</translation>
    </message>
    <message>
        <source>&amp;Keep My Draft</source>
        <translation>&amp;Keep My Draft</translation>
    </message>
    <message>
        <source>&amp;Load the Running Config</source>
        <translation>&amp;Load the Running Config</translation>
    </message>
    <message>
        <source>Not applied: the running config was changed by someone else meanwhile.</source>
        <translation>Not applied: the running config was changed by someone else meanwhile.</translation>
    </message>
    <message>
        <source>Rebase onto the running config</source>
        <translation>Rebase onto the running config</translation>
    </message>
    <message>
        <source>The draft is rebased onto the running config; review it and apply.</source>
        <translation>The draft is rebased onto the running config; review it and apply.</translation>
    </message>
    <message>
        <source>Discard the draft&apos;s changes</source>
        <translation>Discard the draft&apos;s changes</translation>
    </message>
    <message>
        <source>The draft&apos;s changes were discarded: the editor shows the running config.</source>
        <translation>The draft&apos;s changes were discarded: the editor shows the running config.</translation>
    </message>
    <message>
        <source>Changed by someone else:</source>
        <translation>Changed by someone else:</translation>
    </message>
    <message>
        <source>Your changes:</source>
        <translation>Your changes:</translation>
    </message>
    <message>
        <source>None of your changes touches what they changed.</source>
        <translation>None of your changes touches what they changed.</translation>
    </message>
    <message>
        <source>%1 (they: %2)</source>
        <translation>%1 (they: %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n of your changes touch(es) an item they changed too; the rebased draft keeps your version:</source>
        <translation>
            <numerusform>%n of your changes touches an item they changed too; the rebased draft keeps your version:</numerusform>
            <numerusform>%n of your changes touch items they changed too; the rebased draft keeps your version:</numerusform>
        </translation>
    </message>
    <message>
        <source>Running Config Changed</source>
        <translation>Running Config Changed</translation>
    </message>
    <message numerus="yes">
        <source>Someone else applied %n change(s) to the running balancer since your draft was based on it. Your draft was not applied.</source>
        <translation>
            <numerusform>Someone else applied %n change to the running balancer since your draft was based on it. Your draft was not applied.</numerusform>
            <numerusform>Someone else applied %n changes to the running balancer since your draft was based on it. Your draft was not applied.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rebase your %n change(s) onto the running config?</source>
        <translation>
            <numerusform>Rebase your %n change onto the running config?</numerusform>
            <numerusform>Rebase your %n changes onto the running config?</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply &amp;Rebased Draft</source>
        <translation>Apply &amp;Rebased Draft</translation>
    </message>
    <message>
        <source>&amp;Edit Rebased Draft</source>
        <translation>&amp;Edit Rebased Draft</translation>
    </message>
    <message>
        <source>&amp;Discard My Changes</source>
        <translation>&amp;Discard My Changes</translation>
    </message>
    <message>
        <source>The balancer refused the rollback; nothing was changed.</source>
        <translation>The balancer refused the rollback; nothing was changed.</translation>
    </message>
    <message numerus="yes">
        <source>Rolled back to version %1: %n change(s).</source>
        <translation>
            <numerusform>Rolled back to version %1: %n change.</numerusform>
            <numerusform>Rolled back to version %1: %n changes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The running config was changed by someone else; fix the XML source to compare your draft with it, then apply again.</source>
        <translation>The running config was changed by someone else; fix the XML source to compare your draft with it, then apply again.</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigHistory</name>
    <message>
        <source>%1 (running)</source>
        <translation>%1 (running)</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>first version seen</source>
        <translation>first version seen</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s): %1; …</source>
        <translation>
            <numerusform>%n change: %1; …</numerusform>
            <numerusform>%n changes: %1; …</numerusform>
        </translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 from %2</translation>
    </message>
    <message>
        <source>admin API, %1</source>
        <translation>admin API, %1</translation>
    </message>
    <message>
        <source>desktop app</source>
        <translation>desktop app</translation>
    </message>
    <message>
        <source>desktop app, %1</source>
        <translation>desktop app, %1</translation>
    </message>
    <message>
        <source>reload (SIGHUP)</source>
        <translation>reload (SIGHUP)</translation>
    </message>
    <message>
        <source>daemon started</source>
        <translation>daemon started</translation>
    </message>
    <message>
        <source>rollback to version %1</source>
        <translation>rollback to version %1</translation>
    </message>
    <message>
        <source>rollback to version %1, %2</source>
        <translation>rollback to version %1, %2</translation>
    </message>
    <message>
        <source>balancer</source>
        <translation>balancer</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigTreeModel</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>one worker per core</source>
        <translation>one worker per core</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
    <message>
        <source>Admin API</source>
        <translation>Admin API</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>full access</source>
        <translation>full access</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>read-only</translation>
    </message>
    <message>
        <source>listener</source>
        <translation>listener</translation>
    </message>
    <message>
        <source>%1, enabled</source>
        <translation>%1, enabled</translation>
    </message>
    <message>
        <source>%1, weight %2</source>
        <translation>%1, weight %2</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectDialog</name>
    <message>
        <source>Run a config &amp;file in this app</source>
        <translation>Run a config &amp;file in this app</translation>
    </message>
    <message>
        <source>Connect to a running &amp;balancierd</source>
        <translation>Connect to a running &amp;balancierd</translation>
    </message>
    <message>
        <source>Connect to a Balancer</source>
        <translation>Connect to a Balancer</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Saved profiles</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>e.g. production</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Config &amp;file:</source>
        <translation>Config &amp;file:</translation>
    </message>
    <message>
        <source>Admin API &amp;URL:</source>
        <translation>Admin API &amp;URL:</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>U&amp;ser:</translation>
    </message>
    <message>
        <source>The password is asked for when connecting and is never saved.</source>
        <translation>The password is asked for when connecting and is never saved.</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Profile &amp;name:</translation>
    </message>
    <message>
        <source>&amp;Save Profile</source>
        <translation>&amp;Save Profile</translation>
    </message>
    <message>
        <source>&amp;Delete Profile</source>
        <translation>&amp;Delete Profile</translation>
    </message>
    <message>
        <source>Sa&amp;ved profiles:</source>
        <translation>Sa&amp;ved profiles:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>Config File</source>
        <translation>Config File</translation>
    </message>
    <message>
        <source>Balancier configs (*.xml);;All files (*)</source>
        <translation>Balancier configs (*.xml);;All files (*)</translation>
    </message>
    <message>
        <source>Choose a config file.</source>
        <translation>Choose a config file.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 is not a file.</translation>
    </message>
    <message>
        <source>Enter the admin user&apos;s name.</source>
        <translation>Enter the admin user&apos;s name.</translation>
    </message>
    <message>
        <source>Enter the admin API&apos;s URL, e.g. %1 or https://balancer.example:8443.</source>
        <translation>Enter the admin API&apos;s URL, e.g. %1 or https://balancer.example:8443.</translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectionBanner</name>
    <message>
        <source>Connection status</source>
        <translation>Connection status</translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectionTableModel</name>
    <message>
        <source>(none yet)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Connection %1 from %2 to %3</source>
        <translation>Connection %1 from %2 to %3</translation>
    </message>
    <message>
        <source>%1 bytes from the client, %2 bytes to the client</source>
        <translation>%1 bytes from the client, %2 bytes to the client</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Why this backend</source>
        <translation>Why this backend</translation>
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
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>round robin</source>
        <translation>round robin</translation>
    </message>
    <message>
        <source>weighted round robin</source>
        <translation>weighted round robin</translation>
    </message>
    <message>
        <source>least connections</source>
        <translation>least connections</translation>
    </message>
    <message>
        <source>least connections, round robin among equals</source>
        <translation>least connections, round robin among equals</translation>
    </message>
    <message>
        <source>better of two random choices</source>
        <translation>better of two random choices</translation>
    </message>
    <message>
        <source>random</source>
        <translation>random</translation>
    </message>
    <message>
        <source>sticky: new client</source>
        <translation>sticky: new client</translation>
    </message>
    <message>
        <source>sticky: seen %1 ago</source>
        <translation>sticky: seen %1 ago</translation>
    </message>
    <message>
        <source>hash bucket %1 of %2</source>
        <translation>hash bucket %1 of %2</translation>
    </message>
    <message>
        <source>Maglev entry %1 of %2</source>
        <translation>Maglev entry %1 of %2</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>timed out</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <source>not resolved</source>
        <translation>not resolved</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>backend, then what happened</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>failover after %1</source>
        <translation>failover after %1</translation>
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
        <translation>reading PROXY header</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connecting</translation>
    </message>
    <message>
        <source>established</source>
        <translation>established</translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectionsPage</name>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation>Open connections</translation>
    </message>
    <message>
        <source>Top talkers</source>
        <translation>Top talkers</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>All services</translation>
    </message>
    <message>
        <source>any group</source>
        <translation>any group</translation>
    </message>
    <message>
        <source>any backend</source>
        <translation>any backend</translation>
    </message>
    <message>
        <source>e.g. 10.1.0.0/16</source>
        <translation>e.g. 10.1.0.0/16</translation>
    </message>
    <message>
        <source>Only clients in this network (CIDR), IPv4 or IPv6</source>
        <translation>Only clients in this network (CIDR), IPv4 or IPv6</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>any age</translation>
    </message>
    <message>
        <source>Only connections open at least this long</source>
        <translation>Only connections open at least this long</translation>
    </message>
    <message>
        <source> kB</source>
        <translation> kB</translation>
    </message>
    <message>
        <source>any size</source>
        <translation>any size</translation>
    </message>
    <message>
        <source>Only connections that moved at least this much, both ways together</source>
        <translation>Only connections that moved at least this much, both ways together</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Oldest first</translation>
    </message>
    <message>
        <source>Most bytes first</source>
        <translation>Most bytes first</translation>
    </message>
    <message>
        <source>By client</source>
        <translation>By client</translation>
    </message>
    <message>
        <source>By backend</source>
        <translation>By backend</translation>
    </message>
    <message>
        <source>By id (newest last)</source>
        <translation>By id (newest last)</translation>
    </message>
    <message>
        <source>The balancer&apos;s order, across every page</source>
        <translation>The balancer&apos;s order, across every page</translation>
    </message>
    <message>
        <source>Rows per page</source>
        <translation>Rows per page</translation>
    </message>
    <message>
        <source>by open connections</source>
        <translation>by open connections</translation>
    </message>
    <message>
        <source>by new connections per second</source>
        <translation>by new connections per second</translation>
    </message>
    <message>
        <source>by bytes</source>
        <translation>by bytes</translation>
    </message>
    <message>
        <source>&amp;Close Connection…</source>
        <translation>&amp;Close Connection…</translation>
    </message>
    <message>
        <source>Close the selected connections (needs full access)</source>
        <translation>Close the selected connections (needs full access)</translation>
    </message>
    <message>
        <source>&amp;Block Prefix</source>
        <translation>&amp;Block Prefix</translation>
    </message>
    <message>
        <source>Add a deny rule for the selected prefix to the service&apos;s ACL in the draft; Apply makes it take effect</source>
        <translation>Add a deny rule for the selected prefix to the service&apos;s ACL in the draft; Apply makes it take effect</translation>
    </message>
    <message>
        <source>Block This &amp;Client</source>
        <translation>Block This &amp;Client</translation>
    </message>
    <message>
        <source>Add a deny rule for the client&apos;s address to the service&apos;s ACL in the draft</source>
        <translation>Add a deny rule for the client&apos;s address to the service&apos;s ACL in the draft</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Group:</translation>
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
        <translation>Open &amp;at least:</translation>
    </message>
    <message>
        <source>&amp;Moved at least:</source>
        <translation>&amp;Moved at least:</translation>
    </message>
    <message>
        <source>S&amp;ort:</source>
        <translation>S&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Rows per page:</source>
        <translation>&amp;Rows per page:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Top talkers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Top talkers&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The balancer did not list its connections: %1</source>
        <translation>The balancer did not list its connections: %1</translation>
    </message>
    <message>
        <source>No open connections match.</source>
        <translation>No open connections match.</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 of %3</translation>
    </message>
    <message>
        <source>Close the connection from %1 to %2 (service %3)?

Both ends see it closed; the client may connect again.</source>
        <translation>Close the connection from %1 to %2 (service %3)?

Both ends see it closed; the client may connect again.</translation>
    </message>
    <message>
        <source>no backend yet</source>
        <translation>no backend yet</translation>
    </message>
    <message>
        <source>Close %1 connections?

Both ends of each see it closed; the clients may connect again.</source>
        <translation>Close %1 connections?

Both ends of each see it closed; the clients may connect again.</translation>
    </message>
    <message>
        <source>Close Connections</source>
        <translation>Close Connections</translation>
    </message>
    <message>
        <source>Connection %1 closed.</source>
        <translation>Connection %1 closed.</translation>
    </message>
    <message>
        <source>The balancer refused to close connection %1: closing connections needs a user with full access, and this login is read-only (%2). Connect as a user with access=&quot;full&quot; to close connections.</source>
        <translation>The balancer refused to close connection %1: closing connections needs a user with full access, and this login is read-only (%2). Connect as a user with access=&quot;full&quot; to close connections.</translation>
    </message>
    <message>
        <source>Connection %1 was not closed: %2</source>
        <translation>Connection %1 was not closed: %2</translation>
    </message>
    <message>
        <source>The draft has no service %1.</source>
        <translation>The draft has no service %1.</translation>
    </message>
    <message>
        <source>%1 is blocked in service %2 already (the ACL&apos;s first rule).</source>
        <translation>%1 is blocked in service %2 already (the ACL&apos;s first rule).</translation>
    </message>
    <message>
        <source>There is no draft to add the rule to.</source>
        <translation>There is no draft to add the rule to.</translation>
    </message>
    <message>
        <source>The draft is not a well-formed config (%1); fix it on the Configuration page first.</source>
        <translation>The draft is not a well-formed config (%1); fix it on the Configuration page first.</translation>
    </message>
    <message>
        <source>Block Prefix</source>
        <translation>Block Prefix</translation>
    </message>
    <message>
        <source>Block %1 in which service?</source>
        <translation>Block %1 in which service?</translation>
    </message>
    <message>
        <source>Block %1 in service %2</source>
        <translation>Block %1 in service %2</translation>
    </message>
    <message>
        <source>The draft could not take the deny rule for %1: this version does not write &lt;acl&gt; into the config.</source>
        <translation>The draft could not take the deny rule for %1: this version does not write &lt;acl&gt; into the config.</translation>
    </message>
    <message>
        <source>Deny rule for %1 added to the ACL of service %2 in the draft. Review it on the Configuration page and Apply it to take effect.</source>
        <translation>Deny rule for %1 added to the ACL of service %2 in the draft. Review it on the Configuration page and Apply it to take effect.</translation>
    </message>
    <message>
        <source>%1 blocked in the draft of service %2; Apply to take effect.</source>
        <translation>%1 blocked in the draft of service %2; Apply to take effect.</translation>
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
        <translation>enabled, %1</translation>
    </message>
    <message>
        <source>standby, %1</source>
        <translation>standby, %1</translation>
    </message>
    <message>
        <source>no host up</source>
        <translation>no host up</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 at %2, weight %3</source>
        <translation>%1 at %2, weight %3</translation>
    </message>
    <message>
        <source>at most %1 connections</source>
        <translation>at most %1 connections</translation>
    </message>
    <message>
        <source>Scheduler: %1</source>
        <translation>Scheduler: %1</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Listening on %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Bytes in</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Bytes out</translation>
    </message>
    <message>
        <source>In/s</source>
        <translation>In/s</translation>
    </message>
    <message>
        <source>Out/s</source>
        <translation>Out/s</translation>
    </message>
    <message>
        <source>Since change</source>
        <translation>Since change</translation>
    </message>
    <message>
        <source>%1 of at most %2 open connections</source>
        <translation>%1 of at most %2 open connections</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, backup (standby)</source>
        <translation>, backup (standby)</translation>
    </message>
    <message>
        <source>, backup</source>
        <translation>, backup</translation>
    </message>
    <message>
        <source>, drain: %1 left</source>
        <translation>, drain: %1 left</translation>
    </message>
    <message>
        <source>, then remove</source>
        <translation>, then remove</translation>
    </message>
    <message>
        <source>, then maintenance</source>
        <translation>, then maintenance</translation>
    </message>
    <message>
        <source>%1, backup active</source>
        <translation>%1, backup active</translation>
    </message>
    <message>
        <source>default (the enabled group)</source>
        <translation>default (the enabled group)</translation>
    </message>
    <message>
        <source>not TLS</source>
        <translation>not TLS</translation>
    </message>
    <message numerus="yes">
        <source>%1 -&gt; %2: %n connection(s)</source>
        <translation>
            <numerusform>%1 -&gt; %2: %n connection</numerusform>
            <numerusform>%1 -&gt; %2: %n connections</numerusform>
        </translation>
    </message>
    <message>
        <source>TLS routes to this group:</source>
        <translation>TLS routes to this group:</translation>
    </message>
    <message>
        <source>TLS routes:</source>
        <translation>TLS routes:</translation>
    </message>
    <message>
        <source>discovered by DNS (SRV record); not in the config file</source>
        <translation>discovered by DNS (SRV record); not in the config file</translation>
    </message>
    <message>
        <source>discovered by DNS (an address of its name); not in the config file</source>
        <translation>discovered by DNS (an address of its name); not in the config file</translation>
    </message>
    <message>
        <source>DNS discovery: %1</source>
        <translation>DNS discovery: %1</translation>
    </message>
    <message>
        <source>not looked up yet</source>
        <translation>not looked up yet</translation>
    </message>
    <message numerus="yes">
        <source>last lookup %1: %n record(s)</source>
        <translation>
            <numerusform>last lookup %1: %n record</numerusform>
            <numerusform>last lookup %1: %n records</numerusform>
        </translation>
    </message>
    <message>
        <source>failing: %1 (the last good records stay)</source>
        <translation>failing: %1 (the last good records stay)</translation>
    </message>
    <message numerus="yes">
        <source>TLS on %1: %2, expires %3 (%n day(s) left)</source>
        <translation>
            <numerusform>TLS on %1: %2, expires %3 (%n day left)</numerusform>
            <numerusform>TLS on %1: %2, expires %3 (%n days left)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 handshakes/s, %2 completed, %3 failed, %4 timed out</source>
        <translation>%1 handshakes/s, %2 completed, %3 failed, %4 timed out</translation>
    </message>
    <message>
        <source>kernel TLS in use</source>
        <translation>kernel TLS in use</translation>
    </message>
    <message>
        <source>Warning: a certificate of this listener expires within 14 days</source>
        <translation>Warning: a certificate of this listener expires within 14 days</translation>
    </message>
    <message>
        <source>%1, slow start: weight %2 of %3</source>
        <translation>%1, slow start: weight %2 of %3</translation>
    </message>
    <message>
        <source>%1, agent: weight %2 of %3</source>
        <translation>%1, agent: weight %2 of %3</translation>
    </message>
    <message>
        <source>effective weight %1</source>
        <translation>effective weight %1</translation>
    </message>
    <message>
        <source>agent said &quot;%1&quot;</source>
        <translation>agent said &quot;%1&quot;</translation>
    </message>
    <message>
        <source>agent changed: %1</source>
        <translation>agent changed: %1</translation>
    </message>
</context>
<context>
    <name>Balancier::DashboardWidget</name>
    <message>
        <source>&amp;Problems only</source>
        <translation>&amp;Problems only</translation>
    </message>
    <message>
        <source>Services, groups and hosts</source>
        <translation>Services, groups and hosts</translation>
    </message>
    <message>
        <source>Filter by name or state (Ctrl+F)</source>
        <translation>Filter by name or state (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>State history of the selected host</source>
        <translation>State history of the selected host</translation>
    </message>
    <message>
        <source>Select a host to see its history.</source>
        <translation>Select a host to see its history.</translation>
    </message>
    <message>
        <source>&amp;Drain</source>
        <translation>&amp;Drain</translation>
    </message>
    <message>
        <source>Send no new connections to the selected hosts; open ones finish</source>
        <translation>Send no new connections to the selected hosts; open ones finish</translation>
    </message>
    <message>
        <source>&amp;Maintenance</source>
        <translation>&amp;Maintenance</translation>
    </message>
    <message>
        <source>Take the selected hosts out of rotation</source>
        <translation>Take the selected hosts out of rotation</translation>
    </message>
    <message>
        <source>&amp;Ready</source>
        <translation>&amp;Ready</translation>
    </message>
    <message>
        <source>Put the selected hosts back into rotation</source>
        <translation>Put the selected hosts back into rotation</translation>
    </message>
    <message>
        <source>Set &amp;Weight…</source>
        <translation>Set &amp;Weight…</translation>
    </message>
    <message>
        <source>Change the weight of the selected hosts</source>
        <translation>Change the weight of the selected hosts</translation>
    </message>
    <message>
        <source>Re&amp;try Now</source>
        <translation>Re&amp;try Now</translation>
    </message>
    <message>
        <source>Probe the selected down hosts now</source>
        <translation>Probe the selected down hosts now</translation>
    </message>
    <message>
        <source>Remove the selected hosts from the running config (they drain)</source>
        <translation>Remove the selected hosts from the running config (they drain)</translation>
    </message>
    <message>
        <source>History of host %1 (group %2, service %3)</source>
        <translation>History of host %1 (group %2, service %3)</translation>
    </message>
    <message>
        <source>Set Weight</source>
        <translation>Set Weight</translation>
    </message>
    <message numerus="yes">
        <source>New weight for %n host(s) (0: no new connections):</source>
        <translation>
            <numerusform>New weight for %n host (0: no new connections):</numerusform>
            <numerusform>New weight for %n hosts (0: no new connections):</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove Hosts</source>
        <translation>Remove Hosts</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n host(s) from the running config? Their open connections finish first.</source>
        <translation>
            <numerusform>Remove %n host from the running config? Their open connections finish first.</numerusform>
            <numerusform>Remove %n hosts from the running config? Their open connections finish first.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Done for %n host(s).</source>
        <translation>
            <numerusform>Done for %n host.</numerusform>
            <numerusform>Done for %n hosts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed for %n host(s): </source>
        <translation>
            <numerusform>Failed for %n host: </numerusform>
            <numerusform>Failed for %n hosts: </numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Probe Address</source>
        <translation>&amp;Probe Address</translation>
    </message>
    <message>
        <source>Measure the connect time to the selected hosts&apos; addresses from this computer</source>
        <translation>Measure the connect time to the selected hosts&apos; addresses from this computer</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Service %1</translation>
    </message>
    <message>
        <source>Group %1/%2</source>
        <translation>Group %1/%2</translation>
    </message>
    <message>
        <source>Host %1</source>
        <translation>Host %1</translation>
    </message>
    <message numerus="yes">
        <source>Probing %n host(s)…</source>
        <translation>
            <numerusform>Probing %n host…</numerusform>
            <numerusform>Probing %n hosts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Probed %n host(s): all answered. </source>
        <translation>
            <numerusform>Probed %n host: it answered. </numerusform>
            <numerusform>Probed %n hosts: all answered. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Probed %n host(s): %1 failed. </source>
        <translation>
            <numerusform>Probed %n host: %1 failed. </numerusform>
            <numerusform>Probed %n hosts: %1 failed. </numerusform>
        </translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>F&amp;ilter:</translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation>Remo&amp;ve…</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>All services</translation>
    </message>
    <message>
        <source>Remove the Last Live Host?</source>
        <translation>Remove the Last Live Host?</translation>
    </message>
    <message numerus="yes">
        <source>The balancer kept %n host(s): removing them leaves their service without a live host, and it refuses new clients until a host is added or comes back.</source>
        <translation>
            <numerusform>The balancer kept %n host: removing it leaves its service without a live host, and it refuses new clients until a host is added or comes back.</numerusform>
            <numerusform>The balancer kept %n hosts: removing them leaves their service without a live host, and it refuses new clients until a host is added or comes back.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove anyway?</source>
        <translation>Remove anyway?</translation>
    </message>
    <message>
        <source>VRRP role: %1</source>
        <translation>VRRP role: %1</translation>
    </message>
    <message>
        <source>Drain with &amp;Deadline…</source>
        <translation>Drain with &amp;Deadline…</translation>
    </message>
    <message>
        <source>Drain the selected hosts with a deadline, then remove them or set them to maintenance</source>
        <translation>Drain the selected hosts with a deadline, then remove them or set them to maintenance</translation>
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
        <translation>Warning</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetApply</name>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>dry run…</source>
        <translation>dry run…</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>checked</translation>
    </message>
    <message>
        <source>applying…</source>
        <translation>applying…</translation>
    </message>
    <message>
        <source>waiting until healthy…</source>
        <translation>waiting until healthy…</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>applied</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>untouched</source>
        <translation>untouched</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>The connection is closed.</translation>
    </message>
    <message numerus="yes">
        <source>The draft is applied on all %n node(s).</source>
        <translation>
            <numerusform>The draft is applied on %n node.</numerusform>
            <numerusform>The draft is applied on all %n nodes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its running config changed after the dry run (someone else applied a change); nothing was applied there. Run the dry run again to review the new differences.
%1</source>
        <translation>Its running config changed after the dry run (someone else applied a change); nothing was applied there. Run the dry run again to review the new differences.
%1</translation>
    </message>
    <message>
        <source>%1 of %2 service(s) have a live host</source>
        <translation>%1 of %2 service(s) have a live host</translation>
    </message>
    <message numerus="yes">
        <source>The draft is applied there, but the node did not report healthy within %n second(s) (%1).</source>
        <translation>
            <numerusform>The draft is applied there, but the node did not report healthy within %n second (%1).</numerusform>
            <numerusform>The draft is applied there, but the node did not report healthy within %n seconds (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped at node %1: %2
%n node(s) after it left untouched.</source>
        <translation>
            <numerusform>Stopped at node %1: %2
%n node after it left untouched.</numerusform>
            <numerusform>Stopped at node %1: %2
%n nodes after it left untouched.</numerusform>
        </translation>
    </message>
    <message>
        <source>It does not report its health (a balancierd without /api/v1/health, or a balancer in this app): not waited for.</source>
        <translation>It does not report its health (a balancierd without /api/v1/health, or a balancer in this app): not waited for.</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetCompare</name>
    <message>
        <source>The connection is closed.</source>
        <translation>The connection is closed.</translation>
    </message>
    <message>
        <source>Its running config cannot be read: %1</source>
        <translation>Its running config cannot be read: %1</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetDrain</name>
    <message>
        <source>The connection is closed.</source>
        <translation>The connection is closed.</translation>
    </message>
    <message>
        <source>Its running config cannot be read.</source>
        <translation>Its running config cannot be read.</translation>
    </message>
    <message>
        <source>It has no host named &quot;%1&quot;.</source>
        <translation>It has no host named &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetModel</name>
    <message>
        <source>All hosts up</source>
        <translation>All hosts up</translation>
    </message>
    <message>
        <source>No host down</source>
        <translation>No host down</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) down</source>
        <translation>
            <numerusform>%n host down</numerusform>
            <numerusform>%n hosts down</numerusform>
        </translation>
    </message>
    <message>
        <source>A service has no host up</source>
        <translation>A service has no host up</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Hosts up</source>
        <translation>Hosts up</translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation>Open connections</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Throughput</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetWindow</name>
    <message>
        <source>&amp;Show Window</source>
        <translation>&amp;Show Window</translation>
    </message>
    <message>
        <source>Fleet Overview — Balancier</source>
        <translation>Fleet Overview — Balancier</translation>
    </message>
    <message>
        <source>Every open connection, with its health. Press Enter on a row to show its window.</source>
        <translation>Every open connection, with its health. Press Enter on a row to show its window.</translation>
    </message>
    <message>
        <source>Open connections and their health</source>
        <translation>Open connections and their health</translation>
    </message>
    <message>
        <source>&amp;New Window</source>
        <translation>&amp;New Window</translation>
    </message>
    <message>
        <source>&amp;Compare Configs</source>
        <translation>&amp;Compare Configs</translation>
    </message>
    <message>
        <source>&amp;Apply Draft to Fleet…</source>
        <translation>&amp;Apply Draft to Fleet…</translation>
    </message>
    <message>
        <source>&amp;Drain Host Everywhere…</source>
        <translation>&amp;Drain Host Everywhere…</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Fleet</translation>
    </message>
    <message>
        <source>&amp;Fleet:</source>
        <translation>&amp;Fleet:</translation>
    </message>
    <message>
        <source>Save as Fleet…</source>
        <translation>Save as Fleet…</translation>
    </message>
    <message>
        <source>Save a named set of connection profiles, such as a VRRP pair</source>
        <translation>Save a named set of connection profiles, such as a VRRP pair</translation>
    </message>
    <message>
        <source>Show how each node&apos;s running config differs from the first node&apos;s</source>
        <translation>Show how each node&apos;s running config differs from the first node&apos;s</translation>
    </message>
    <message>
        <source>Apply the editor&apos;s draft of the selected connection to every node: a dry run on each, then one node at a time, backups first</source>
        <translation>Apply the editor&apos;s draft of the selected connection to every node: a dry run on each, then one node at a time, backups first</translation>
    </message>
    <message>
        <source>Drain the host of that name on every node of the fleet</source>
        <translation>Drain the host of that name on every node of the fleet</translation>
    </message>
    <message>
        <source>What happened on each node</source>
        <translation>What happened on each node</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Every open connection</source>
        <translation>Every open connection</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n node(s))</source>
        <translation>
            <numerusform>%1 (%n node)</numerusform>
            <numerusform>%1 (%n nodes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as Fleet</source>
        <translation>Save as Fleet</translation>
    </message>
    <message>
        <source>Name of the fleet (for example prod-pair):</source>
        <translation>Name of the fleet (for example prod-pair):</translation>
    </message>
    <message>
        <source>A fleet is made of saved connection profiles. Connect to each node through a profile (File &gt; Connect), then save the fleet.</source>
        <translation>A fleet is made of saved connection profiles. Connect to each node through a profile (File &gt; Connect), then save the fleet.</translation>
    </message>
    <message>
        <source>Fleet %1 saved: %2.</source>
        <translation>Fleet %1 saved: %2.</translation>
    </message>
    <message>
        <source>not open</source>
        <translation>not open</translation>
    </message>
    <message>
        <source>Connect to this node first: the action leaves it out.</source>
        <translation>Connect to this node first: the action leaves it out.</translation>
    </message>
    <message>
        <source>Comparing the running configs…</source>
        <translation>Comparing the running configs…</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>not read</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>reference</translation>
    </message>
    <message>
        <source>The others are compared with it.</source>
        <translation>The others are compared with it.</translation>
    </message>
    <message>
        <source>same</source>
        <translation>same</translation>
    </message>
    <message>
        <source>Runs the same config.</source>
        <translation>Runs the same config.</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
    <message>
        <source>Every node runs the same config.</source>
        <translation>Every node runs the same config.</translation>
    </message>
    <message>
        <source>The nodes&apos; running configs differ (or could not be read).</source>
        <translation>The nodes&apos; running configs differ (or could not be read).</translation>
    </message>
    <message>
        <source>The selected connection&apos;s editor has no draft to apply.</source>
        <translation>The selected connection&apos;s editor has no draft to apply.</translation>
    </message>
    <message>
        <source>Not applied: every node of the fleet must be open.</source>
        <translation>Not applied: every node of the fleet must be open.</translation>
    </message>
    <message>
        <source>Dry run on every node…</source>
        <translation>Dry run on every node…</translation>
    </message>
    <message>
        <source>The dry run failed on a node: nothing was applied anywhere.</source>
        <translation>The dry run failed on a node: nothing was applied anywhere.</translation>
    </message>
    <message numerus="yes">
        <source>Apply the draft to %n node(s), one at a time, in this order: %1?
Each node must report healthy before the next one is changed.</source>
        <translation>
            <numerusform>Apply the draft to %n node, one at a time, in this order: %1?
Each node must report healthy before the next one is changed.</numerusform>
            <numerusform>Apply the draft to %n nodes, one at a time, in this order: %1?
Each node must report healthy before the next one is changed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply to Fleet</source>
        <translation>Apply to Fleet</translation>
    </message>
    <message>
        <source>Dry run done; nothing applied.</source>
        <translation>Dry run done; nothing applied.</translation>
    </message>
    <message>
        <source>Rolling out…</source>
        <translation>Rolling out…</translation>
    </message>
    <message>
        <source>Runs the draft already: nothing to change.</source>
        <translation>Runs the draft already: nothing to change.</translation>
    </message>
    <message>
        <source>Impact: %1</source>
        <translation>Impact: %1</translation>
    </message>
    <message>
        <source>Drain Host Everywhere</source>
        <translation>Drain Host Everywhere</translation>
    </message>
    <message>
        <source>Host name to drain on every node of the fleet:</source>
        <translation>Host name to drain on every node of the fleet:</translation>
    </message>
    <message>
        <source>Draining host %1 on every node…</source>
        <translation>Draining host %1 on every node…</translation>
    </message>
    <message>
        <source>Draining: %1</source>
        <translation>Draining: %1</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>drained</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>Host %1 is draining on every node.</source>
        <translation>Host %1 is draining on every node.</translation>
    </message>
    <message>
        <source>Host %1 could not be drained on every node.</source>
        <translation>Host %1 could not be drained on every node.</translation>
    </message>
    <message>
        <source>Keep draining</source>
        <translation>Keep draining</translation>
    </message>
    <message>
        <source>Remove the host</source>
        <translation>Remove the host</translation>
    </message>
    <message>
        <source>Set to maintenance</source>
        <translation>Set to maintenance</translation>
    </message>
    <message>
        <source>When host %1 is empty or its deadline passed:</source>
        <translation>When host %1 is empty or its deadline passed:</translation>
    </message>
    <message>
        <source>Deadline (such as 90s, 10m or 1h; empty: each node&apos;s drain timeout):</source>
        <translation>Deadline (such as 90s, 10m or 1h; empty: each node&apos;s drain timeout):</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration; write for example 90s, 10m or 1h.</source>
        <translation>&quot;%1&quot; is not a duration; write for example 90s, 10m or 1h.</translation>
    </message>
</context>
<context>
    <name>Balancier::HistoryPanel</name>
    <message>
        <source>Config versions</source>
        <translation>Config versions</translation>
    </message>
    <message>
        <source>Changes of the selected version</source>
        <translation>Changes of the selected version</translation>
    </message>
    <message>
        <source>&amp;Roll Back to This Version…</source>
        <translation>&amp;Roll Back to This Version…</translation>
    </message>
    <message>
        <source>Make the selected version the running config again (shows what changes first)</source>
        <translation>Make the selected version the running config again (shows what changes first)</translation>
    </message>
    <message>
        <source>No versions yet: the history starts when a balancer is connected.</source>
        <translation>No versions yet: the history starts when a balancer is connected.</translation>
    </message>
    <message>
        <source>Select a version to see its changes.</source>
        <translation>Select a version to see its changes.</translation>
    </message>
    <message>
        <source>Version %1, %2: %3. The first version seen, so no changes to show.</source>
        <translation>Version %1, %2: %3. The first version seen, so no changes to show.</translation>
    </message>
    <message numerus="yes">
        <source>Version %1, %2: %3. %n change(s) from the version before:</source>
        <translation>
            <numerusform>Version %1, %2: %3. %n change from the version before:</numerusform>
            <numerusform>Version %1, %2: %3. %n changes from the version before:</numerusform>
        </translation>
    </message>
    <message>
        <source>Ve&amp;rsions of the running config:</source>
        <translation>Ve&amp;rsions of the running config:</translation>
    </message>
</context>
<context>
    <name>Balancier::HostDrainDialog</name>
    <message>
        <source>Drain with Deadline</source>
        <translation>Drain with Deadline</translation>
    </message>
    <message>
        <source>How long the open connections may take, such as 90s, 10m or 1h; empty: the balancer&apos;s drain timeout</source>
        <translation>How long the open connections may take, such as 90s, 10m or 1h; empty: the balancer&apos;s drain timeout</translation>
    </message>
    <message>
        <source>Keep draining</source>
        <translation>Keep draining</translation>
    </message>
    <message>
        <source>Remove the host</source>
        <translation>Remove the host</translation>
    </message>
    <message>
        <source>Set to maintenance</source>
        <translation>Set to maintenance</translation>
    </message>
    <message>
        <source>%v open</source>
        <translation>%v open</translation>
    </message>
    <message numerus="yes">
        <source>Drain %n host(s): no new connections; the open ones finish, or are cut at the deadline.</source>
        <translation>
            <numerusform>Drain %n host: no new connections; the open ones finish, or are cut at the deadline.</numerusform>
            <numerusform>Drain %n hosts: no new connections; the open ones finish, or are cut at the deadline.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Deadline:</translation>
    </message>
    <message>
        <source>&amp;Then:</source>
        <translation>&amp;Then:</translation>
    </message>
    <message>
        <source>&amp;Start Drain</source>
        <translation>&amp;Start Drain</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration; write for example 90s, 10m or 1h.</source>
        <translation>&quot;%1&quot; is not a duration; write for example 90s, 10m or 1h.</translation>
    </message>
    <message>
        <source>Starting the drain…</source>
        <translation>Starting the drain…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Drained; the host was removed.</source>
        <translation>Drained; the host was removed.</translation>
    </message>
    <message>
        <source>Drained: no open connection left.</source>
        <translation>Drained: no open connection left.</translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s), %1 left</source>
        <translation>
            <numerusform>%n open connection, %1 left</numerusform>
            <numerusform>%n open connections, %1 left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n open connection</numerusform>
            <numerusform>%n open connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::HostHistoryModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>Balancier::LocalClient</name>
    <message>
        <source>Local balancer: %1</source>
        <translation>Local balancer: %1</translation>
    </message>
    <message>
        <source>Cannot run %1:
%2</source>
        <translation>Cannot run %1:
%2</translation>
    </message>
    <message>
        <source>The balancer refused the config:
%1</source>
        <translation>The balancer refused the config:
%1</translation>
    </message>
    <message>
        <source>The local balancer is not running.</source>
        <translation>The local balancer is not running.</translation>
    </message>
    <message>
        <source>No host %1 in group %2 of service %3.</source>
        <translation>No host %1 in group %2 of service %3.</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>The running config has changed since the draft was based on it.</source>
        <translation>The running config has changed since the draft was based on it.</translation>
    </message>
    <message>
        <source>Version %1 is not in the config history.</source>
        <translation>Version %1 is not in the config history.</translation>
    </message>
    <message>
        <source>config history version %1</source>
        <translation>config history version %1</translation>
    </message>
</context>
<context>
    <name>Balancier::LogView</name>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>All, with debug</source>
        <translation>All, with debug</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Information and above</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnings and errors</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Filter the log</source>
        <translation>Filter the log</translation>
    </message>
    <message>
        <source>Log filter</source>
        <translation>Log filter</translation>
    </message>
    <message>
        <source>Co&amp;py All</source>
        <translation>Co&amp;py All</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Severity:</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Sho&amp;w:</translation>
    </message>
</context>
<context>
    <name>Balancier::MainWindow</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>&amp;Configuration</source>
        <translation>&amp;Configuration</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totals</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Connect…</translation>
    </message>
    <message>
        <source>Connect to a balancer, or run a config in this app</source>
        <translation>Connect to a balancer, or run a config in this app</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Disconnect</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Filter Hosts</source>
        <translation>&amp;Filter Hosts</translation>
    </message>
    <message>
        <source>Confi&amp;g</source>
        <translation>Confi&amp;g</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Balancier</source>
        <translation>&amp;About Balancier</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Clear List</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Password of %1 at %2:</source>
        <translation>Password of %1 at %2:</translation>
    </message>
    <message>
        <source>Untrusted Certificate</source>
        <translation>Untrusted Certificate</translation>
    </message>
    <message>
        <source>The balancer&apos;s certificate is not trusted:
%1

Subject: %2
Issuer: %3
SHA-256: %4

Trust this certificate for this connection profile? Only do so if you recognise the fingerprint.</source>
        <translation>The balancer&apos;s certificate is not trusted:
%1

Subject: %2
Issuer: %3
SHA-256: %4

Trust this certificate for this connection profile? Only do so if you recognise the fingerprint.</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>&amp;Trust</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Not connected. Connect to a running balancierd, or run a config file in this app.</source>
        <translation>Not connected. Connect to a running balancierd, or run a config file in this app.</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Connect…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>%1 Trying again with growing pauses (next within %2 s).</source>
        <translation>%1 Trying again with growing pauses (next within %2 s).</translation>
    </message>
    <message>
        <source>Retry &amp;Now</source>
        <translation>Retry &amp;Now</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Disconnected.</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Reconnect</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s) up</source>
        <translation>
            <numerusform>%1 of %n host up</numerusform>
            <numerusform>%1 of %n hosts up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n open connection</numerusform>
            <numerusform>%n open connections</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1, out %2</source>
        <translation>in %1, out %2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>%1[*] — %2 — Balancier</source>
        <translation>%1[*] — %2 — Balancier</translation>
    </message>
    <message>
        <source>About Balancier</source>
        <translation>About Balancier</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Balancier %1&lt;/h3&gt;&lt;p&gt;A TCP load balancer with a live admin API and this desktop console.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Balancier %1&lt;/h3&gt;&lt;p&gt;A TCP load balancer with a live admin API and this desktop console.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Log</translation>
    </message>
    <message>
        <source>probe</source>
        <translation>probe</translation>
    </message>
    <message>
        <source>New &amp;Window</source>
        <translation>New &amp;Window</translation>
    </message>
    <message>
        <source>Open another window for another connection</source>
        <translation>Open another window for another connection</translation>
    </message>
    <message>
        <source>Every open connection side by side, with its health</source>
        <translation>Every open connection side by side, with its health</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>connection</translation>
    </message>
    <message>
        <source>host %1/%2/%3: %4</source>
        <translation>host %1/%2/%3: %4</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>config</source>
        <translation>config</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) applied: </source>
        <translation>
            <numerusform>%n change applied: </numerusform>
            <numerusform>%n changes applied: </numerusform>
        </translation>
    </message>
    <message>
        <source>Clos&amp;e Window</source>
        <translation>Clos&amp;e Window</translation>
    </message>
    <message>
        <source>Flee&amp;t Overview</source>
        <translation>Flee&amp;t Overview</translation>
    </message>
    <message>
        <source>Ho&amp;st</source>
        <translation>Ho&amp;st</translation>
    </message>
    <message>
        <source>daemon</source>
        <translation>daemon</translation>
    </message>
    <message>
        <source>Co&amp;nnections</source>
        <translation>Co&amp;nnections</translation>
    </message>
    <message>
        <source>The open connections, why each went to its backend, and the top talkers</source>
        <translation>The open connections, why each went to its backend, and the top talkers</translation>
    </message>
</context>
<context>
    <name>Balancier::NodeHealth</name>
    <message>
        <source>master</source>
        <translation>master</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>backup</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>Balancier::PreferencesDialog</name>
    <message>
        <source>Notify when a host goes down or comes back</source>
        <translation>Notify when a host goes down or comes back</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>System default (%1)</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> per second</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>A new language applies when the app starts again.</source>
        <translation>A new language applies when the app starts again.</translation>
    </message>
    <message>
        <source>Dashboard &amp;updates:</source>
        <translation>Dashboard &amp;updates:</translation>
    </message>
    <message>
        <source>Saved connection profiles</source>
        <translation>Saved connection profiles</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>&amp;Forget Certificate</source>
        <translation>&amp;Forget Certificate</translation>
    </message>
    <message>
        <source>%1 — runs %2</source>
        <translation>%1 — runs %2</translation>
    </message>
    <message>
        <source>%1 — %2 as %3</source>
        <translation>%1 — %2 as %3</translation>
    </message>
    <message>
        <source>(trusts a certificate)</source>
        <translation>(trusts a certificate)</translation>
    </message>
</context>
<context>
    <name>Balancier::PropertyForm</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Admin API</source>
        <translation>Admin API</translation>
    </message>
    <message>
        <source>Admin user %1</source>
        <translation>Admin user %1</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Service %1</translation>
    </message>
    <message>
        <source>Listener %1 of service %2</source>
        <translation>Listener %1 of service %2</translation>
    </message>
    <message>
        <source>Group %1 of service %2</source>
        <translation>Group %1 of service %2</translation>
    </message>
    <message>
        <source>Host %1 in group %2</source>
        <translation>Host %1 in group %2</translation>
    </message>
    <message>
        <source>Select an item to edit it.</source>
        <translation>Select an item to edit it.</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Properties</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
</context>
<context>
    <name>Balancier::RemoteClient</name>
    <message>
        <source>%1 as %2</source>
        <translation>%1 as %2</translation>
    </message>
    <message>
        <source>The server refused user &quot;%1&quot; or its password.</source>
        <translation>The server refused user &quot;%1&quot; or its password.</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP status %1</translation>
    </message>
    <message>
        <source>HTTP status %1: %2</source>
        <translation>HTTP status %1: %2</translation>
    </message>
    <message>
        <source>Not saved on the server: %1</source>
        <translation>Not saved on the server: %1</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted.</source>
        <translation>The certificate of %1 is not trusted.</translation>
    </message>
    <message>
        <source>no data for %1 s</source>
        <translation>no data for %1 s</translation>
    </message>
    <message>
        <source>the server closed the event stream</source>
        <translation>the server closed the event stream</translation>
    </message>
    <message>
        <source>Connection to %1 lost: %2</source>
        <translation>Connection to %1 lost: %2</translation>
    </message>
    <message>
        <source>GET /api/v1/health: HTTP status %1</source>
        <translation>GET /api/v1/health: HTTP status %1</translation>
    </message>
</context>
<context>
    <name>Balancier::RoutesEditor</name>
    <message>
        <source>Clients that do not speak TLS</source>
        <translation>Clients that do not speak TLS</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>TLS routes, first match decides; drag to reorder</source>
        <translation>TLS routes, first match decides; drag to reorder</translation>
    </message>
    <message>
        <source>Server names of the selected route</source>
        <translation>Server names of the selected route</translation>
    </message>
    <message>
        <source>a.example, *.b.example</source>
        <translation>a.example, *.b.example</translation>
    </message>
    <message>
        <source>ALPN protocols of the selected route</source>
        <translation>ALPN protocols of the selected route</translation>
    </message>
    <message>
        <source>h2, http/1.1</source>
        <translation>h2, http/1.1</translation>
    </message>
    <message>
        <source>Group of the selected route</source>
        <translation>Group of the selected route</translation>
    </message>
    <message>
        <source>Move the route up</source>
        <translation>Move the route up</translation>
    </message>
    <message>
        <source>Move the route down</source>
        <translation>Move the route down</translation>
    </message>
    <message>
        <source>Server names</source>
        <translation>Server names</translation>
    </message>
    <message>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Silence of the plain route</source>
        <translation>Silence of the plain route</translation>
    </message>
    <message>
        <source>1s</source>
        <translation>1s</translation>
    </message>
    <message>
        <source>Plain route only: a client that sends nothing this long (an SSH client waiting for the server&apos;s banner) takes this route. Empty: 1s.</source>
        <translation>Plain route only: a client that sends nothing this long (an SSH client waiting for the server&apos;s banner) takes this route. Empty: 1s.</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silence</translation>
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
        <translation>Client prefix</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>New connections</source>
        <translation>New connections</translation>
    </message>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Out</translation>
    </message>
</context>
<context>
    <name>Balancier::TimelineStrip</name>
    <message>
        <source>State timeline</source>
        <translation>State timeline</translation>
    </message>
    <message>
        <source>No state changes recorded.</source>
        <translation>No state changes recorded.</translation>
    </message>
    <message numerus="yes">
        <source>%n state change(s); now %1 since %2.</source>
        <translation>
            <numerusform>%n state change; now %1 since %2.</numerusform>
            <numerusform>%n state changes; now %1 since %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>No history</source>
        <translation>No history</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 from %2</translation>
    </message>
</context>
<context>
    <name>Balancier::TrafficGraph</name>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>Traffic graph</source>
        <translation>Traffic graph</translation>
    </message>
    <message>
        <source>Select a service, group or host to see its traffic.</source>
        <translation>Select a service, group or host to see its traffic.</translation>
    </message>
    <message>
        <source>No traffic recorded yet for %1.</source>
        <translation>No traffic recorded yet for %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 over the last %n minute(s): %2 open connections (peak %3); throughput %4 (peak %5).</source>
        <translation>
            <numerusform>%1 over the last %n minute: %2 open connections (peak %3); throughput %4 (peak %5).</numerusform>
            <numerusform>%1 over the last %n minutes: %2 open connections (peak %3); throughput %4 (peak %5).</numerusform>
        </translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connections</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Throughput</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>peak %1</translation>
    </message>
    <message>
        <source>No selection</source>
        <translation>No selection</translation>
    </message>
    <message>
        <source>Collecting…</source>
        <translation>Collecting…</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
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
        <translation>Balancier: not connected</translation>
    </message>
    <message>
        <source>Balancier: all hosts up</source>
        <translation>Balancier: all hosts up</translation>
    </message>
    <message>
        <source>Balancier: some hosts are down</source>
        <translation>Balancier: some hosts are down</translation>
    </message>
    <message>
        <source>Balancier: a service has no host up</source>
        <translation>Balancier: a service has no host up</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) down</source>
        <translation>
            <numerusform>%n host down</numerusform>
            <numerusform>%n hosts down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) back up</source>
        <translation>
            <numerusform>%n host back up</numerusform>
            <numerusform>%n hosts back up</numerusform>
        </translation>
    </message>
    <message>
        <source>Balancier: a connection is lost</source>
        <translation>Balancier: a connection is lost</translation>
    </message>
    <message numerus="yes">
        <source>Every host down in %n group(s)</source>
        <translation>
            <numerusform>Every host down in %n group</numerusform>
            <numerusform>Every host down in %n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) serving again</source>
        <translation>
            <numerusform>%n group serving again</numerusform>
            <numerusform>%n groups serving again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::WindowManager</name>
    <message>
        <source>Show Balancier</source>
        <translation>Show Balancier</translation>
    </message>
    <message>
        <source>Fleet Overview</source>
        <translation>Fleet Overview</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>Balancier::XmlSourceEdit</name>
    <message>
        <source>XML source</source>
        <translation>XML source</translation>
    </message>
</context>
<context>
    <name>ChangeImpact</name>
    <message numerus="yes">
        <source>stops service %1: its listeners close and %n open connection(s) drain</source>
        <translation>
            <numerusform>stops service %1: its listeners close and %n open connection drain</numerusform>
            <numerusform>stops service %1: its listeners close and %n open connections drain</numerusform>
        </translation>
    </message>
    <message>
        <source>stops accepting connections on %1</source>
        <translation>stops accepting connections on %1</translation>
    </message>
    <message>
        <source>starts accepting connections on %1</source>
        <translation>starts accepting connections on %1</translation>
    </message>
    <message numerus="yes">
        <source>drains group %1 (%n open connection(s))</source>
        <translation>
            <numerusform>drains group %1 (%n open connection)</numerusform>
            <numerusform>drains group %1 (%n open connections)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>new connections go to group %1; %n open connection(s) stay on %2</source>
        <translation>
            <numerusform>new connections go to group %1; %n open connection stay on %2</numerusform>
            <numerusform>new connections go to group %1; %n open connections stay on %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>drains host %1 (%n open connection(s))</source>
        <translation>
            <numerusform>drains host %1 (%n open connection)</numerusform>
            <numerusform>drains host %1 (%n open connections)</numerusform>
        </translation>
    </message>
    <message>
        <source>host %1 starts taking connections once it is up</source>
        <translation>host %1 starts taking connections once it is up</translation>
    </message>
    <message numerus="yes">
        <source>takes host %1 out of rotation (%n open connection(s) finish)</source>
        <translation>
            <numerusform>takes host %1 out of rotation (%n open connection finish)</numerusform>
            <numerusform>takes host %1 out of rotation (%n open connections finish)</numerusform>
        </translation>
    </message>
    <message>
        <source>host %1 changes state</source>
        <translation>host %1 changes state</translation>
    </message>
    <message numerus="yes">
        <source>new connections to %1 go to the new address; %n open connection(s) stay</source>
        <translation>
            <numerusform>new connections to %1 go to the new address; %n open connection stay</numerusform>
            <numerusform>new connections to %1 go to the new address; %n open connections stay</numerusform>
        </translation>
    </message>
    <message>
        <source>shifts the share of new connections of %1</source>
        <translation>shifts the share of new connections of %1</translation>
    </message>
    <message>
        <source>user %1 can no longer log in</source>
        <translation>user %1 can no longer log in</translation>
    </message>
    <message>
        <source>the admin API restarts; this app reconnects</source>
        <translation>the admin API restarts; this app reconnects</translation>
    </message>
    <message>
        <source>adds service %1</source>
        <translation>adds service %1</translation>
    </message>
    <message numerus="yes">
        <source>stops service %1 (%n open connection(s))</source>
        <translation>
            <numerusform>stops service %1 (%n open connection)</numerusform>
            <numerusform>stops service %1 (%n open connections)</numerusform>
        </translation>
    </message>
    <message>
        <source>rebinds listener %1 to %2</source>
        <translation>rebinds listener %1 to %2</translation>
    </message>
    <message>
        <source>opens listener %1</source>
        <translation>opens listener %1</translation>
    </message>
    <message>
        <source>adds group %1 to service %2</source>
        <translation>adds group %1 to service %2</translation>
    </message>
    <message>
        <source>switches service %1 to group &apos;%2&apos;</source>
        <translation>switches service %1 to group &apos;%2&apos;</translation>
    </message>
    <message>
        <source>switches group %1 to scheduler %2</source>
        <translation>switches group %1 to scheduler %2</translation>
    </message>
    <message>
        <source>changes the health checks of group %1</source>
        <translation>changes the health checks of group %1</translation>
    </message>
    <message>
        <source>adds host %1</source>
        <translation>adds host %1</translation>
    </message>
    <message>
        <source>takes host %1 out of rotation</source>
        <translation>takes host %1 out of rotation</translation>
    </message>
    <message>
        <source>puts host %1 back into rotation</source>
        <translation>puts host %1 back into rotation</translation>
    </message>
    <message>
        <source>moves host %1 to %2</source>
        <translation>moves host %1 to %2</translation>
    </message>
    <message>
        <source>sets the weight of host %1 to %2</source>
        <translation>sets the weight of host %1 to %2</translation>
    </message>
    <message>
        <source>sets the connection limit of host %1 to %2</source>
        <translation>sets the connection limit of host %1 to %2</translation>
    </message>
    <message>
        <source>adds admin user %1</source>
        <translation>adds admin user %1</translation>
    </message>
    <message>
        <source>removes admin user %1</source>
        <translation>removes admin user %1</translation>
    </message>
    <message>
        <source>changes admin user %1</source>
        <translation>changes admin user %1</translation>
    </message>
    <message>
        <source>changes the %1 of service %2</source>
        <translation>changes the %1 of service %2</translation>
    </message>
    <message>
        <source>changes the %1 settings</source>
        <translation>changes the %1 settings</translation>
    </message>
    <message>
        <source>closes listener %1</source>
        <translation>closes listener %1</translation>
    </message>
    <message>
        <source>; the clients it kept are placed on other hosts</source>
        <translation>; the clients it kept are placed on other hosts</translation>
    </message>
    <message>
        <source>new connections are placed by %1; clients lose the host %2 kept for them</source>
        <translation>new connections are placed by %1; clients lose the host %2 kept for them</translation>
    </message>
    <message>
        <source>new connections are placed by %1; open connections stay</source>
        <translation>new connections are placed by %1; open connections stay</translation>
    </message>
    <message>
        <source>host %1 starts taking connections once it is up; the clients that hash to it move to it</source>
        <translation>host %1 starts taking connections once it is up; the clients that hash to it move to it</translation>
    </message>
    <message>
        <source>host %1 takes new clients once it is up; known clients keep their hosts</source>
        <translation>host %1 takes new clients once it is up; known clients keep their hosts</translation>
    </message>
    <message numerus="yes">
        <source>no new connections to host %1; %n open connection(s) finish</source>
        <translation>
            <numerusform>no new connections to host %1; %n open connection finishes</numerusform>
            <numerusform>no new connections to host %1; %n open connections finish</numerusform>
        </translation>
    </message>
    <message>
        <source>host %1 takes new connections again</source>
        <translation>host %1 takes new connections again</translation>
    </message>
    <message>
        <source>no effect on traffic: %1 ignores weights</source>
        <translation>no effect on traffic: %1 ignores weights</translation>
    </message>
    <message>
        <source>host %1 gets a larger share of new connections</source>
        <translation>host %1 gets a larger share of new connections</translation>
    </message>
    <message>
        <source>host %1 gets a smaller share of new connections</source>
        <translation>host %1 gets a smaller share of new connections</translation>
    </message>
    <message>
        <source>host %1 is given more open connections than before, relative to the others</source>
        <translation>host %1 is given more open connections than before, relative to the others</translation>
    </message>
    <message>
        <source>host %1 is given fewer open connections than before, relative to the others</source>
        <translation>host %1 is given fewer open connections than before, relative to the others</translation>
    </message>
    <message>
        <source>some clients move to host %1 (its part of the hash ring grows)</source>
        <translation>some clients move to host %1 (its part of the hash ring grows)</translation>
    </message>
    <message>
        <source>some clients of host %1 move to other hosts (its part of the hash ring shrinks)</source>
        <translation>some clients of host %1 move to other hosts (its part of the hash ring shrinks)</translation>
    </message>
    <message>
        <source>changes the scheduling options of group %1</source>
        <translation>changes the scheduling options of group %1</translation>
    </message>
    <message>
        <source>the scheduler is rebuilt with the new options; some clients move to another host, open connections stay</source>
        <translation>the scheduler is rebuilt with the new options; some clients move to another host, open connections stay</translation>
    </message>
    <message>
        <source>the scheduler is rebuilt with the new options; open connections stay</source>
        <translation>the scheduler is rebuilt with the new options; open connections stay</translation>
    </message>
    <message>
        <source>some clients move to host %1 (its part of the Maglev table grows)</source>
        <translation>some clients move to host %1 (its part of the Maglev table grows)</translation>
    </message>
    <message>
        <source>some clients of host %1 move to other hosts (its part of the Maglev table shrinks)</source>
        <translation>some clients of host %1 move to other hosts (its part of the Maglev table shrinks)</translation>
    </message>
    <message>
        <source>changes the PROXY protocol header sent to the hosts of group %1</source>
        <translation>changes the PROXY protocol header sent to the hosts of group %1</translation>
    </message>
    <message numerus="yes">
        <source>new connections to host %1 start with the new PROXY protocol header; %n open connection(s) stay as they are</source>
        <translation>
            <numerusform>new connections to host %1 start with the new PROXY protocol header; %n open connection stays as it is</numerusform>
            <numerusform>new connections to host %1 start with the new PROXY protocol header; %n open connections stay as they are</numerusform>
        </translation>
    </message>
    <message>
        <source>new connections to the hosts of group %1 get no PROXY protocol header; open connections stay</source>
        <translation>new connections to the hosts of group %1 get no PROXY protocol header; open connections stay</translation>
    </message>
    <message>
        <source>new connections to the hosts of group %1 start with a PROXY %2 header (a host must expect it); open connections stay</source>
        <translation>new connections to the hosts of group %1 start with a PROXY %2 header (a host must expect it); open connections stay</translation>
    </message>
    <message>
        <source>the listener keeps its socket; its new PROXY protocol options apply to new connections</source>
        <translation>the listener keeps its socket; its new PROXY protocol options apply to new connections</translation>
    </message>
    <message>
        <source>lets new clients from %1 into service %2</source>
        <translation>lets new clients from %1 into service %2</translation>
    </message>
    <message>
        <source>refuses new clients from %1 at service %2; open connections stay</source>
        <translation>refuses new clients from %1 at service %2; open connections stay</translation>
    </message>
    <message>
        <source>drops the %1 rule for %2 from service %3&apos;s ACL</source>
        <translation>drops the %1 rule for %2 from service %3&apos;s ACL</translation>
    </message>
    <message>
        <source>changes the ACL of service %1; open connections stay</source>
        <translation>changes the ACL of service %1; open connections stay</translation>
    </message>
    <message>
        <source>changes what group %1 does when a host goes down or a primary comes back</source>
        <translation>changes what group %1 does when a host goes down or a primary comes back</translation>
    </message>
    <message>
        <source>applies at the next health change of a host of group %1; open connections stay</source>
        <translation>applies at the next health change of a host of group %1; open connections stay</translation>
    </message>
    <message>
        <source>changes how new TLS clients of service %1 are routed; open connections stay</source>
        <translation>changes how new TLS clients of service %1 are routed; open connections stay</translation>
    </message>
    <message>
        <source>changes where alert %1 is sent; traffic is not affected</source>
        <translation>changes where alert %1 is sent; traffic is not affected</translation>
    </message>
    <message>
        <source>changes the DNS discovery of group %1</source>
        <translation>changes the DNS discovery of group %1</translation>
    </message>
    <message>
        <source>discovery of group %1 starts again with a lookup now; hosts whose record is gone drain, then leave</source>
        <translation>discovery of group %1 starts again with a lookup now; hosts whose record is gone drain, then leave</translation>
    </message>
    <message>
        <source>the listener keeps its socket; new TLS handshakes use its new TLS settings, open connections keep theirs</source>
        <translation>the listener keeps its socket; new TLS handshakes use its new TLS settings, open connections keep theirs</translation>
    </message>
    <message>
        <source>changes the slow start or agent check of group %1</source>
        <translation>changes the slow start or agent check of group %1</translation>
    </message>
</context>
<context>
    <name>ConfigFields</name>
    <message>
        <source>Enter a duration, e.g. 30s.</source>
        <translation>Enter a duration, e.g. 30s.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration: use e.g. 500ms, 30s, 5m, 1h or 1d.</source>
        <translation>&quot;%1&quot; is not a duration: use e.g. 500ms, 30s, 5m, 1h or 1d.</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <translation>At most %1.</translation>
    </message>
    <message>
        <source>Not an address (%1): use host:port, e.g. 127.0.0.1:8080 or [::1]:80.</source>
        <translation>Not an address (%1): use host:port, e.g. 127.0.0.1:8080 or [::1]:80.</translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>Worker threads</translation>
    </message>
    <message>
        <source>Proxy threads; 0 means one per CPU core.</source>
        <translation>Proxy threads; 0 means one per CPU core.</translation>
    </message>
    <message>
        <source>Connection limit</source>
        <translation>Connection limit</translation>
    </message>
    <message>
        <source>Most client connections at once; 0 means no limit.</source>
        <translation>Most client connections at once; 0 means no limit.</translation>
    </message>
    <message>
        <source>Drain timeout</source>
        <translation>Drain timeout</translation>
    </message>
    <message>
        <source>How long open connections may finish when the balancer stops.</source>
        <translation>How long open connections may finish when the balancer stops.</translation>
    </message>
    <message>
        <source>Save runtime changes</source>
        <translation>Save runtime changes</translation>
    </message>
    <message>
        <source>Only when asked</source>
        <translation>Only when asked</translation>
    </message>
    <message>
        <source>At once (auto)</source>
        <translation>At once (auto)</translation>
    </message>
    <message>
        <source>Retry failed hosts after</source>
        <translation>Retry failed hosts after</translation>
    </message>
    <message>
        <source>Minimum time before a failed host is tried again.</source>
        <translation>Minimum time before a failed host is tried again.</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Connect timeout</translation>
    </message>
    <message>
        <source>Default for every service.</source>
        <translation>Default for every service.</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Idle timeout</translation>
    </message>
    <message>
        <source>Default for every service; 0 means none.</source>
        <translation>Default for every service; 0 means none.</translation>
    </message>
    <message>
        <source>Probe hosts that are up</source>
        <translation>Probe hosts that are up</translation>
    </message>
    <message>
        <source>Health checks while a host is up (down hosts are always probed).</source>
        <translation>Health checks while a host is up (down hosts are always probed).</translation>
    </message>
    <message>
        <source>Probe interval</source>
        <translation>Probe interval</translation>
    </message>
    <message>
        <source>Probe timeout</source>
        <translation>Probe timeout</translation>
    </message>
    <message>
        <source>Successes to come back up</source>
        <translation>Successes to come back up</translation>
    </message>
    <message>
        <source>Failures to go down</source>
        <translation>Failures to go down</translation>
    </message>
    <message>
        <source>Probe interval while down</source>
        <translation>Probe interval while down</translation>
    </message>
    <message>
        <source>Probe interval when all are down</source>
        <translation>Probe interval when all are down</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Log level</translation>
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
        <translation>Warning</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>Empty: standard error (or the journal).</source>
        <translation>Empty: standard error (or the journal).</translation>
    </message>
    <message>
        <source>Log every connection</source>
        <translation>Log every connection</translation>
    </message>
    <message>
        <source>Serve the admin API</source>
        <translation>Serve the admin API</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Listen on</translation>
    </message>
    <message>
        <source>Loopback unless TLS is set up (or insecure is allowed).</source>
        <translation>Loopback unless TLS is set up (or insecure is allowed).</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>TLS certificate (PEM)</translation>
    </message>
    <message>
        <source>TLS key (PEM)</source>
        <translation>TLS key (PEM)</translation>
    </message>
    <message>
        <source>Allow plain HTTP on a public address</source>
        <translation>Allow plain HTTP on a public address</translation>
    </message>
    <message>
        <source>Metrics without a password</source>
        <translation>Metrics without a password</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Stored as a PBKDF2 hash; the password itself is never saved.</source>
        <translation>Stored as a PBKDF2 hash; the password itself is never saved.</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Use at least 8 characters.</translation>
    </message>
    <message>
        <source>Empty: the default from Settings.</source>
        <translation>Empty: the default from Settings.</translation>
    </message>
    <message>
        <source>default</source>
        <translation>default</translation>
    </message>
    <message>
        <source>Enabled group</source>
        <translation>Enabled group</translation>
    </message>
    <message>
        <source>New connections go to this group&apos;s hosts.</source>
        <translation>New connections go to this group&apos;s hosts.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>*:port for every interface; port 0 lets the system choose.</source>
        <translation>*:port for every interface; port 0 lets the system choose.</translation>
    </message>
    <message>
        <source>The service already listens there.</source>
        <translation>The service already listens there.</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>Scheduler</translation>
    </message>
    <message>
        <source>Sticky time</source>
        <translation>Sticky time</translation>
    </message>
    <message>
        <source>&quot;sticky&quot; scheduler: how long an idle client keeps its host.</source>
        <translation>&quot;sticky&quot; scheduler: how long an idle client keeps its host.</translation>
    </message>
    <message>
        <source>host:port of the backend.</source>
        <translation>host:port of the backend.</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Share of new connections; 0 sends none.</source>
        <translation>Share of new connections; 0 sends none.</translation>
    </message>
    <message>
        <source>Most open connections to this host; 0 means no limit.</source>
        <translation>Most open connections to this host; 0 means no limit.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>Drain</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>A user needs a name.</source>
        <translation>A user needs a name.</translation>
    </message>
    <message>
        <source>Another user is already called &quot;%1&quot;.</source>
        <translation>Another user is already called &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A service needs a name.</source>
        <translation>A service needs a name.</translation>
    </message>
    <message>
        <source>Another service is already called &quot;%1&quot;.</source>
        <translation>Another service is already called &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>A group needs a name.</translation>
    </message>
    <message>
        <source>Another group is already called &quot;%1&quot;.</source>
        <translation>Another group is already called &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A host needs a name.</source>
        <translation>A host needs a name.</translation>
    </message>
    <message>
        <source>Another host is already called &quot;%1&quot;.</source>
        <translation>Another host is already called &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Pair: virtual address</source>
        <translation>Pair: virtual address</translation>
    </message>
    <message>
        <source>The keepalived pair&apos;s virtual IP: on a local interface, this node is the master.</source>
        <translation>The keepalived pair&apos;s virtual IP: on a local interface, this node is the master.</translation>
    </message>
    <message>
        <source>Pair: state file</source>
        <translation>Pair: state file</translation>
    </message>
    <message>
        <source>Absolute path of the file keepalived&apos;s notify script writes MASTER, BACKUP or FAULT into; it decides the role when readable.</source>
        <translation>Absolute path of the file keepalived&apos;s notify script writes MASTER, BACKUP or FAULT into; it decides the role when readable.</translation>
    </message>
    <message>
        <source>Health check from any address</source>
        <translation>Health check from any address</translation>
    </message>
    <message>
        <source>GET /api/v1/health answers clients that are not on loopback too (no password either way).</source>
        <translation>GET /api/v1/health answers clients that are not on loopback too (no password either way).</translation>
    </message>
    <message>
        <source>Table size</source>
        <translation>Table size</translation>
    </message>
    <message>
        <source>&quot;maglev&quot; scheduler: entries of the lookup table, a prime number; at least 100 per host for an even spread.</source>
        <translation>&quot;maglev&quot; scheduler: entries of the lookup table, a prime number; at least 100 per host for an even spread.</translation>
    </message>
    <message>
        <source>Enter a prime number from %1 to %2, such as %3.</source>
        <translation>Enter a prime number from %1 to %2, such as %3.</translation>
    </message>
    <message>
        <source>Balance factor</source>
        <translation>Balance factor</translation>
    </message>
    <message>
        <source>&quot;maglev&quot; scheduler: bounded load. A host with more than this factor times its share of the connections is skipped. Empty: no bound.</source>
        <translation>&quot;maglev&quot; scheduler: bounded load. A host with more than this factor times its share of the connections is skipped. Empty: no bound.</translation>
    </message>
    <message>
        <source>no bound</source>
        <translation>no bound</translation>
    </message>
    <message>
        <source>Enter a number above 1 and at most 100, such as 1.25, or leave it empty.</source>
        <translation>Enter a number above 1 and at most 100, such as 1.25, or leave it empty.</translation>
    </message>
    <message>
        <source>Accept PROXY header</source>
        <translation>Accept PROXY header</translation>
    </message>
    <message>
        <source>Clients of this listener are proxies (HAProxy, a cloud load balancer) that send a PROXY protocol header first; its address is then the client&apos;s.</source>
        <translation>Clients of this listener are proxies (HAProxy, a cloud load balancer) that send a PROXY protocol header first; its address is then the client&apos;s.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Version 1 (text)</source>
        <translation>Version 1 (text)</translation>
    </message>
    <message>
        <source>Version 2 (binary)</source>
        <translation>Version 2 (binary)</translation>
    </message>
    <message>
        <source>Version 1 or 2</source>
        <translation>Version 1 or 2</translation>
    </message>
    <message>
        <source>Trusted proxies</source>
        <translation>Trusted proxies</translation>
    </message>
    <message>
        <source>Addresses or networks allowed to send a PROXY header, comma-separated, e.g. 127.0.0.1, 10.0.0.0/8; anyone else is refused.</source>
        <translation>Addresses or networks allowed to send a PROXY header, comma-separated, e.g. 127.0.0.1, 10.0.0.0/8; anyone else is refused.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address or network: use e.g. 127.0.0.1, 10.0.0.0/8 or 2001:db8::/32.</source>
        <translation>&quot;%1&quot; is not an address or network: use e.g. 127.0.0.1, 10.0.0.0/8 or 2001:db8::/32.</translation>
    </message>
    <message>
        <source>PROXY header timeout</source>
        <translation>PROXY header timeout</translation>
    </message>
    <message>
        <source>The whole header must arrive within this; otherwise the connection is closed.</source>
        <translation>The whole header must arrive within this; otherwise the connection is closed.</translation>
    </message>
    <message>
        <source>PROXY header</source>
        <translation>PROXY header</translation>
    </message>
    <message>
        <source>Sent to the hosts before the client&apos;s bytes, so that they see the client&apos;s address; a host must expect it (HAProxy&apos;s accept-proxy, nginx&apos;s proxy_protocol).</source>
        <translation>Sent to the hosts before the client&apos;s bytes, so that they see the client&apos;s address; a host must expect it (HAProxy&apos;s accept-proxy, nginx&apos;s proxy_protocol).</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>What this host gets before the client&apos;s bytes; &quot;As the group&quot; follows the group&apos;s setting.</source>
        <translation>What this host gets before the client&apos;s bytes; &quot;As the group&quot; follows the group&apos;s setting.</translation>
    </message>
    <message>
        <source>As the group</source>
        <translation>As the group</translation>
    </message>
    <message>
        <source>The connection log: one record per finished connection (docs/connection-log.md).</source>
        <translation>The connection log: one record per finished connection (docs/connection-log.md).</translation>
    </message>
    <message>
        <source>Connection log format</source>
        <translation>Connection log format</translation>
    </message>
    <message>
        <source>Text (key=value)</source>
        <translation>Text (key=value)</translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation>JSON lines</translation>
    </message>
    <message>
        <source>Connection log destination</source>
        <translation>Connection log destination</translation>
    </message>
    <message>
        <source>The balancer&apos;s log</source>
        <translation>The balancer&apos;s log</translation>
    </message>
    <message>
        <source>Syslog</source>
        <translation>Syslog</translation>
    </message>
    <message>
        <source>Syslog socket</source>
        <translation>Syslog socket</translation>
    </message>
    <message>
        <source>The UNIX datagram socket of the syslog daemon, for the syslog destination.</source>
        <translation>The UNIX datagram socket of the syslog daemon, for the syslog destination.</translation>
    </message>
    <message>
        <source>Interim records every</source>
        <translation>Interim records every</translation>
    </message>
    <message>
        <source>A record for connections still open, this often; 0: none.</source>
        <translation>A record for connections still open, this often; 0: none.</translation>
    </message>
    <message>
        <source>Log at connect</source>
        <translation>Log at connect</translation>
    </message>
    <message>
        <source>A record also when the backend accepts, not only when the connection ends.</source>
        <translation>A record also when the backend accepts, not only when the connection ends.</translation>
    </message>
    <message>
        <source>Access control</source>
        <translation>Access control</translation>
    </message>
    <message>
        <source>Accept or refuse clients by address; the first matching rule decides.</source>
        <translation>Accept or refuse clients by address; the first matching rule decides.</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>What happens to a client that no rule matches.</source>
        <translation>What happens to a client that no rule matches.</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>allow</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>deny</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>In order: the first rule whose addresses hold the client&apos;s decides.</source>
        <translation>In order: the first rule whose addresses hold the client&apos;s decides.</translation>
    </message>
    <message>
        <source>Rule %1 has no address.</source>
        <translation>Rule %1 has no address.</translation>
    </message>
    <message>
        <source>Rule %1: &quot;%2&quot; is not an address or prefix such as 10.0.0.0/8.</source>
        <translation>Rule %1: &quot;%2&quot; is not an address or prefix such as 10.0.0.0/8.</translation>
    </message>
    <message>
        <source>Per-source limits</source>
        <translation>Per-source limits</translation>
    </message>
    <message>
        <source>Limit the connections each client address (or prefix) may open.</source>
        <translation>Limit the connections each client address (or prefix) may open.</translation>
    </message>
    <message>
        <source>New connections per source</source>
        <translation>New connections per source</translation>
    </message>
    <message>
        <source>A rate such as 10/s or 600/m; empty: no rate limit.</source>
        <translation>A rate such as 10/s or 600/m; empty: no rate limit.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Expected a rate such as 10/s or 600/m.</source>
        <translation>Expected a rate such as 10/s or 600/m.</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Dry run refuses nothing: it counts and logs what enforcing would refuse.</source>
        <translation>Dry run refuses nothing: it counts and logs what enforcing would refuse.</translation>
    </message>
    <message>
        <source>enforce</source>
        <translation>enforce</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>dry run</translation>
    </message>
    <message>
        <source>Open connections per source</source>
        <translation>Open connections per source</translation>
    </message>
    <message>
        <source>0: no limit on open connections.</source>
        <translation>0: no limit on open connections.</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Burst</translation>
    </message>
    <message>
        <source>Connections a quiet source may open at once; 0: the rate&apos;s number.</source>
        <translation>Connections a quiet source may open at once; 0: the rate&apos;s number.</translation>
    </message>
    <message>
        <source>IPv4 prefix</source>
        <translation>IPv4 prefix</translation>
    </message>
    <message>
        <source>Bits of an IPv4 address that name a source: 32 each address, 24 a /24.</source>
        <translation>Bits of an IPv4 address that name a source: 32 each address, 24 a /24.</translation>
    </message>
    <message>
        <source>IPv6 prefix</source>
        <translation>IPv6 prefix</translation>
    </message>
    <message>
        <source>Bits of an IPv6 address that name a source: 64 a /64.</source>
        <translation>Bits of an IPv6 address that name a source: 64 a /64.</translation>
    </message>
    <message>
        <source>Tracked sources</source>
        <translation>Tracked sources</translation>
    </message>
    <message>
        <source>At most this many sources are remembered; the least recently seen go first.</source>
        <translation>At most this many sources are remembered; the least recently seen go first.</translation>
    </message>
    <message>
        <source>TLS routes</source>
        <translation>TLS routes</translation>
    </message>
    <message>
        <source>In order: the first route whose server names and ALPN protocols match the client&apos;s TLS hello decides; none does: the enabled group. Drag a route to move it.</source>
        <translation>In order: the first route whose server names and ALPN protocols match the client&apos;s TLS hello decides; none does: the enabled group. Drag a route to move it.</translation>
    </message>
    <message>
        <source>Route %1: %2</source>
        <translation>Route %1: %2</translation>
    </message>
    <message>
        <source>Peek timeout</source>
        <translation>Peek timeout</translation>
    </message>
    <message>
        <source>With TLS routes: the whole TLS hello must arrive within this.</source>
        <translation>With TLS routes: the whole TLS hello must arrive within this.</translation>
    </message>
    <message>
        <source>Peek size (bytes)</source>
        <translation>Peek size (bytes)</translation>
    </message>
    <message>
        <source>With TLS routes: the largest TLS hello read.</source>
        <translation>With TLS routes: the largest TLS hello read.</translation>
    </message>
    <message>
        <source>DNS SRV discovery</source>
        <translation>DNS SRV discovery</translation>
    </message>
    <message>
        <source>Take hosts from this DNS SRV record, kept in step with it (Consul, Kubernetes); empty: none. Discovered hosts are not saved in the file.</source>
        <translation>Take hosts from this DNS SRV record, kept in step with it (Consul, Kubernetes); empty: none. Discovered hosts are not saved in the file.</translation>
    </message>
    <message>
        <source>_http._tcp.web.example.org</source>
        <translation>_http._tcp.web.example.org</translation>
    </message>
    <message>
        <source>Enter a DNS name such as _http._tcp.web.example.org, or leave it empty.</source>
        <translation>Enter a DNS name such as _http._tcp.web.example.org, or leave it empty.</translation>
    </message>
    <message>
        <source>Discovery interval</source>
        <translation>Discovery interval</translation>
    </message>
    <message>
        <source>Longest wait between two SRV lookups; a shorter TTL wins, down to 1 s.</source>
        <translation>Longest wait between two SRV lookups; a shorter TTL wins, down to 1 s.</translation>
    </message>
    <message>
        <source>Enter a duration from %1 to %2.</source>
        <translation>Enter a duration from %1 to %2.</translation>
    </message>
    <message>
        <source>Name resolution</source>
        <translation>Name resolution</translation>
    </message>
    <message>
        <source>For an address that is a DNS name: connect to its first address, or make each of its addresses a host of its own (discovered, not saved).</source>
        <translation>For an address that is a DNS name: connect to its first address, or make each of its addresses a host of its own (discovered, not saved).</translation>
    </message>
    <message>
        <source>First address</source>
        <translation>First address</translation>
    </message>
    <message>
        <source>Every address a host</source>
        <translation>Every address a host</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Terminate TLS here: clients speak TLS to this listener and the backends get plain TCP. Needs a certificate and its key.</source>
        <translation>Terminate TLS here: clients speak TLS to this listener and the backends get plain TCP. Needs a certificate and its key.</translation>
    </message>
    <message>
        <source>No (plain TCP)</source>
        <translation>No (plain TCP)</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Terminate</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Certificate file</translation>
    </message>
    <message>
        <source>PEM certificate, with its chain after it; a relative path is next to the config file. Reloaded when the file changes.</source>
        <translation>PEM certificate, with its chain after it; a relative path is next to the config file. Reloaded when the file changes.</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Key file</translation>
    </message>
    <message>
        <source>PEM private key of the certificate, without a passphrase.</source>
        <translation>PEM private key of the certificate, without a passphrase.</translation>
    </message>
    <message>
        <source>Minimum TLS version</source>
        <translation>Minimum TLS version</translation>
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
        <translation>ALPN protocols</translation>
    </message>
    <message>
        <source>Protocols offered to clients, in order of preference, comma-separated, e.g. h2, http/1.1.</source>
        <translation>Protocols offered to clients, in order of preference, comma-separated, e.g. h2, http/1.1.</translation>
    </message>
    <message>
        <source>Client CA file</source>
        <translation>Client CA file</translation>
    </message>
    <message>
        <source>PEM certificates of the authorities that sign client certificates; when set, a client without a valid certificate is refused.</source>
        <translation>PEM certificates of the authorities that sign client certificates; when set, a client without a valid certificate is refused.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration: use e.g. 30s or 2m; 0 for none.</source>
        <translation>&quot;%1&quot; is not a duration: use e.g. 30s or 2m; 0 for none.</translation>
    </message>
    <message>
        <source>Enter a duration from %1 to %2, e.g. 2s.</source>
        <translation>Enter a duration from %1 to %2, e.g. 2s.</translation>
    </message>
    <message>
        <source>Enter a port from 1 to 65535, or 0 for no agent.</source>
        <translation>Enter a port from 1 to 65535, or 0 for no agent.</translation>
    </message>
    <message>
        <source>Slow start</source>
        <translation>Slow start</translation>
    </message>
    <message>
        <source>A host that comes back (health up, back to ready, added) gets its weight over this time, from almost nothing; 0 for none.</source>
        <translation>A host that comes back (health up, back to ready, added) gets its weight over this time, from almost nothing; 0 for none.</translation>
    </message>
    <message>
        <source>Agent port</source>
        <translation>Agent port</translation>
    </message>
    <message>
        <source>Port of the agent on each host (HAProxy&apos;s agent check): it answers a line that may change the host&apos;s weight, limit, state or health; 0 for none.</source>
        <translation>Port of the agent on each host (HAProxy&apos;s agent check): it answers a line that may change the host&apos;s weight, limit, state or health; 0 for none.</translation>
    </message>
    <message>
        <source>Agent interval</source>
        <translation>Agent interval</translation>
    </message>
    <message>
        <source>How often each agent is asked; also how long it has to answer.</source>
        <translation>How often each agent is asked; also how long it has to answer.</translation>
    </message>
    <message>
        <source>Agent request</source>
        <translation>Agent request</translation>
    </message>
    <message>
        <source>Sent to the agent after connecting, with \n for a line end; empty: nothing.</source>
        <translation>Sent to the agent after connecting, with \n for a line end; empty: nothing.</translation>
    </message>
    <message>
        <source>as the group</source>
        <translation>as the group</translation>
    </message>
    <message>
        <source>This host&apos;s own slow start; empty: the group&apos;s.</source>
        <translation>This host&apos;s own slow start; empty: the group&apos;s.</translation>
    </message>
    <message>
        <source>This host&apos;s agent port; 0: no agent; empty: the group&apos;s.</source>
        <translation>This host&apos;s agent port; 0: no agent; empty: the group&apos;s.</translation>
    </message>
    <message>
        <source>How often this host&apos;s agent is asked; empty: the group&apos;s.</source>
        <translation>How often this host&apos;s agent is asked; empty: the group&apos;s.</translation>
    </message>
    <message>
        <source>Sent to this host&apos;s agent, with \n for a line end; empty: the group&apos;s.</source>
        <translation>Sent to this host&apos;s agent, with \n for a line end; empty: the group&apos;s.</translation>
    </message>
    <message>
        <source>When a host goes down</source>
        <translation>When a host goes down</translation>
    </message>
    <message>
        <source>What happens to the open connections of a host that the health checks mark down: they stay until they end, or they are cut at once so that clients reconnect to a working host.</source>
        <translation>What happens to the open connections of a host that the health checks mark down: they stay until they end, or they are cut at once so that clients reconnect to a working host.</translation>
    </message>
    <message>
        <source>Keep its connections</source>
        <translation>Keep its connections</translation>
    </message>
    <message>
        <source>Cut its connections</source>
        <translation>Cut its connections</translation>
    </message>
    <message>
        <source>When a primary host is back</source>
        <translation>When a primary host is back</translation>
    </message>
    <message>
        <source>What happens to the backup hosts&apos; open connections when a primary host comes back up: they stay (new connections go to the primary), or they are cut.</source>
        <translation>What happens to the backup hosts&apos; open connections when a primary host comes back up: they stay (new connections go to the primary), or they are cut.</translation>
    </message>
    <message>
        <source>Keep backup connections</source>
        <translation>Keep backup connections</translation>
    </message>
    <message>
        <source>Cut backup connections</source>
        <translation>Cut backup connections</translation>
    </message>
    <message>
        <source>Use every backup host</source>
        <translation>Use every backup host</translation>
    </message>
    <message>
        <source>While no primary host is up: every backup host takes connections, not only the first one that is up.</source>
        <translation>While no primary host is up: every backup host takes connections, not only the first one that is up.</translation>
    </message>
    <message>
        <source>DNS server</source>
        <translation>DNS server</translation>
    </message>
    <message>
        <source>The name server asked for host names and SRV records (discovery); an IP address with an optional port. Empty: the system&apos;s resolver.</source>
        <translation>The name server asked for host names and SRV records (discovery); an IP address with an optional port. Empty: the system&apos;s resolver.</translation>
    </message>
    <message>
        <source>system resolver</source>
        <translation>system resolver</translation>
    </message>
    <message>
        <source>Not a name server address (%1): use an IP address with an optional port, e.g. 192.0.2.53 or [2001:db8::53]:5353, or leave it empty.</source>
        <translation>Not a name server address (%1): use an IP address with an optional port, e.g. 192.0.2.53 or [2001:db8::53]:5353, or leave it empty.</translation>
    </message>
    <message>
        <source>DNS refresh interval</source>
        <translation>DNS refresh interval</translation>
    </message>
    <message>
        <source>Longest wait before a host name is looked up again; a shorter TTL wins.</source>
        <translation>Longest wait before a host name is looked up again; a shorter TTL wins.</translation>
    </message>
    <message>
        <source>Alert %1, %2: %3</source>
        <translation>Alert %1, %2: %3</translation>
    </message>
    <message>
        <source>Alert %1: %2</source>
        <translation>Alert %1: %2</translation>
    </message>
    <message>
        <source>An alert could not be read.</source>
        <translation>An alert could not be read.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Who is told when a host or group changes state, a config is applied or a certificate nears its expiry: each alert a webhook (POST of a JSON event) or a program, with its own filter, queue, rate limit and retries (docs/alerts.md).</source>
        <translation>Who is told when a host or group changes state, a config is applied or a certificate nears its expiry: each alert a webhook (POST of a JSON event) or a program, with its own filter, queue, rate limit and retries (docs/alerts.md).</translation>
    </message>
    <message>
        <source>Route %1: &quot;%2&quot; is not a duration: use e.g. 500ms or 2s.</source>
        <translation>Route %1: &quot;%2&quot; is not a duration: use e.g. 500ms or 2s.</translation>
    </message>
    <message>
        <source>Backup host</source>
        <translation>Backup host</translation>
    </message>
    <message>
        <source>Takes connections only while no primary (non-backup) host of the group is up.</source>
        <translation>Takes connections only while no primary (non-backup) host of the group is up.</translation>
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
        <translation>%1 d</translation>
    </message>
</context>
<context>
    <name>StateStyle</name>
    <message>
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>draining</translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation>maintenance</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>removed</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Balancier desktop console: watch and steer a balancer, edit its config.</source>
        <translation>Balancier desktop console: watch and steer a balancer, edit its config.</translation>
    </message>
    <message>
        <source>A config file to open in the editor.</source>
        <translation>A config file to open in the editor.</translation>
    </message>
    <message>
        <source>The admin user for --connect.</source>
        <translation>The admin user for --connect.</translation>
    </message>
    <message>
        <source>Read the password for --connect from the first line of FILE.</source>
        <translation>Read the password for --connect from the first line of FILE.</translation>
    </message>
    <message>
        <source>Use LANGUAGE (en, de, fr, es) instead of the preference.</source>
        <translation>Use LANGUAGE (en, de, fr, es) instead of the preference.</translation>
    </message>
    <message>
        <source>Select SERVICE/GROUP/HOST on the dashboard once it shows.</source>
        <translation>Select SERVICE/GROUP/HOST on the dashboard once it shows.</translation>
    </message>
    <message>
        <source>Select the host SERVICE/GROUP/HOST in the editor.</source>
        <translation>Select the host SERVICE/GROUP/HOST in the editor.</translation>
    </message>
    <message>
        <source>Use the system&apos;s colours, or a light or dark palette (system, light, dark).</source>
        <translation>Use the system&apos;s colours, or a light or dark palette (system, light, dark).</translation>
    </message>
    <message>
        <source>Run the config FILE in this app and show it on the dashboard (in a second window with --connect).</source>
        <translation>Run the config FILE in this app and show it on the dashboard (in a second window with --connect).</translation>
    </message>
    <message>
        <source>Show PAGE first: dashboard, connections, editor or log.</source>
        <translation>Show PAGE first: dashboard, connections, editor or log.</translation>
    </message>
    <message>
        <source>Also show the fleet overview.</source>
        <translation>Also show the fleet overview.</translation>
    </message>
    <message>
        <source>Connect to the admin API at URL (e.g. %1).</source>
        <translation>Connect to the admin API at URL (e.g. %1).</translation>
    </message>
</context>
</TS>
