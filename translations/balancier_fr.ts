<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Balancier::AclRulesEditor</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>ACL rules, first match decides</source>
        <translation>Règles de l’ACL, la première qui correspond décide</translation>
    </message>
    <message>
        <source>Action of the selected rule</source>
        <translation>Action de la règle choisie</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>autoriser</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>refuser</translation>
    </message>
    <message>
        <source>Addresses of the selected rule</source>
        <translation>Adresses de la règle choisie</translation>
    </message>
    <message>
        <source>10.0.0.0/8, 2001:db8::/32</source>
        <translation>10.0.0.0/8, 2001:db8::/32</translation>
    </message>
    <message>
        <source>Move the rule up</source>
        <translation>Monter la règle</translation>
    </message>
    <message>
        <source>Move the rule down</source>
        <translation>Descendre la règle</translation>
    </message>
</context>
<context>
    <name>Balancier::AddressProbe</name>
    <message>
        <source>no answer within the time limit</source>
        <translation>aucune réponse dans le délai imparti</translation>
    </message>
    <message>
        <source>not a single address</source>
        <translation>pas une adresse unique</translation>
    </message>
    <message>
        <source>%1 (%2): connected in %3 ms</source>
        <translation>%1 (%2) : connecté en %3 ms</translation>
    </message>
    <message>
        <source>%1 (%2): failed: %3</source>
        <translation>%1 (%2) : échec : %3</translation>
    </message>
</context>
<context>
    <name>Balancier::AlertsEditor</name>
    <message>
        <source>exec %1</source>
        <translation>programme %1</translation>
    </message>
    <message>
        <source>webhook %1</source>
        <translation>webhook %1</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>tous les événements</translation>
    </message>
    <message>
        <source>Add webhook</source>
        <translation>Ajouter un webhook</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Alerts, each a webhook or a program</source>
        <translation>Alertes, chacune un webhook ou un programme</translation>
    </message>
    <message>
        <source>Move the alert up</source>
        <translation>Monter l’alerte</translation>
    </message>
    <message>
        <source>Move the alert down</source>
        <translation>Descendre l’alerte</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>URL du webhook</translation>
    </message>
    <message>
        <source>An http:// or https:// address each event is POSTed to as JSON; empty for a program.</source>
        <translation>Une adresse http:// ou https:// à laquelle chaque événement est envoyé en JSON (POST) ; vide pour un programme.</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Absolute path of a program run for each event, with the event in BALANCIER_EVENT_* variables; empty for a webhook.</source>
        <translation>Chemin absolu d’un programme lancé pour chaque événement, avec l’événement dans les variables BALANCIER_EVENT_* ; vide pour un webhook.</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hôtes</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Config applied</source>
        <translation>Configuration appliquée</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <source>Events of this kind are sent (events=&quot;...&quot;); at least one kind.</source>
        <translation>Les événements de ce type sont envoyés (events=&quot;...&quot;) ; au moins un type.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Only services</source>
        <translation>Services seulement</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Comma-separated: only the events of these services; empty: every service.</source>
        <translation>Séparés par des virgules : seulement les événements de ces services ; vide : tous les services.</translation>
    </message>
    <message>
        <source>Only groups</source>
        <translation>Groupes seulement</translation>
    </message>
    <message>
        <source>Comma-separated: only the events of these groups; empty: every group.</source>
        <translation>Séparés par des virgules : seulement les événements de ces groupes ; vide : tous les groupes.</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>One attempt (request or program run) at most this long.</source>
        <translation>Une tentative (requête ou exécution du programme) dure au plus ce temps.</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Nouvelles tentatives</translation>
    </message>
    <message>
        <source>Further attempts after a failed one.</source>
        <translation>Tentatives supplémentaires après un échec.</translation>
    </message>
    <message>
        <source>Backoff</source>
        <translation>Attente</translation>
    </message>
    <message>
        <source>The wait before the first retry; doubled for each next one.</source>
        <translation>L’attente avant la première nouvelle tentative ; doublée pour chaque suivante.</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Limite de débit</translation>
    </message>
    <message>
        <source>At most this many deliveries per second, minute or hour (60/m); more wait in the queue.</source>
        <translation>Au plus ce nombre d’envois par seconde, minute ou heure (60/m) ; les autres attendent dans la file.</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d’attente</translation>
    </message>
    <message>
        <source>Events waiting for their turn at most; more are dropped and counted.</source>
        <translation>Au plus ce nombre d’événements en attente ; les suivants sont abandonnés et comptés.</translation>
    </message>
    <message>
        <source>JSON event</source>
        <translation>Événement JSON</translation>
    </message>
    <message>
        <source>Slack / Teams text</source>
        <translation>Texte Slack / Teams</translation>
    </message>
    <message>
        <source>A webhook&apos;s body: the event as JSON, or {&quot;text&quot;: ...} for Slack and Microsoft Teams incoming webhooks.</source>
        <translation>Le corps d’un webhook : l’événement en JSON, ou {&quot;text&quot;: ...} pour les webhooks entrants de Slack et Microsoft Teams.</translation>
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
        <translation>Appliquer au répartiteur en service</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Effet</translation>
    </message>
    <message>
        <source>Changes to apply</source>
        <translation>Modifications à appliquer</translation>
    </message>
    <message numerus="yes">
        <source>%n of them affect(s) live traffic (in bold).</source>
        <translation>
            <numerusform>%n d’entre elles touche le trafic en cours (en gras).</numerusform>
            <numerusform>%n d’entre elles touchent le trafic en cours (en gras).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) will be applied to %1, live, without a restart.</source>
        <translation>
            <numerusform>%n modification sera appliquée à %1, à chaud, sans redémarrage.</numerusform>
            <numerusform>%n modifications seront appliquées à %1, à chaud, sans redémarrage.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::BalancerClient</name>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconnexion</translation>
    </message>
    <message>
        <source>This balancer does not list its connections.</source>
        <translation>Ce balanceur ne liste pas ses connexions.</translation>
    </message>
    <message>
        <source>This balancer keeps no config history.</source>
        <translation>Ce répartiteur ne garde pas d’historique de configuration.</translation>
    </message>
</context>
<context>
    <name>Balancier::ChangeText</name>
    <message>
        <source>service %1: group %2</source>
        <translation>service %1 : groupe %2</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>service %1</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>groupe %1</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>mot de passe modifié</translation>
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
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>service %1 added</source>
        <translation>service %1 ajouté</translation>
    </message>
    <message>
        <source>service %1 removed</source>
        <translation>service %1 supprimé</translation>
    </message>
    <message>
        <source>%1: listener %2 added</source>
        <translation>%1 : écoute %2 ajoutée</translation>
    </message>
    <message>
        <source>%1: listener %2 removed</source>
        <translation>%1 : écoute %2 supprimée</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 ajouté</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 supprimé</translation>
    </message>
    <message>
        <source>%1: enabled group %2 -&gt; %3</source>
        <translation>%1 : groupe actif %2 -&gt; %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: health: %2</source>
        <translation>%1 : contrôle de santé : %2</translation>
    </message>
    <message>
        <source>%1: host %2 added (%3)</source>
        <translation>%1 : hôte %2 ajouté (%3)</translation>
    </message>
    <message>
        <source>%1: host %2 removed</source>
        <translation>%1 : hôte %2 supprimé</translation>
    </message>
    <message>
        <source>%1: host %2: %3</source>
        <translation>%1 : hôte %2 : %3</translation>
    </message>
    <message>
        <source>admin: user %1 added (%2)</source>
        <translation>admin : utilisateur %1 ajouté (%2)</translation>
    </message>
    <message>
        <source>admin: user %1 removed</source>
        <translation>admin : utilisateur %1 supprimé</translation>
    </message>
    <message>
        <source>admin: user %1: %2</source>
        <translation>admin : utilisateur %1 : %2</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1 : %2 : %3</translation>
    </message>
    <message>
        <source>default health: %1</source>
        <translation>contrôle de santé par défaut : %1</translation>
    </message>
    <message>
        <source>default timeouts: %1</source>
        <translation>délais par défaut : %1</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>administrative change</source>
        <translation>changement administratif</translation>
    </message>
    <message>
        <source>address changed from %1 to %2</source>
        <translation>adresse changée de %1 à %2</translation>
    </message>
    <message>
        <source>removed from the config</source>
        <translation>retiré de la configuration</translation>
    </message>
    <message>
        <source>its group was removed</source>
        <translation>son groupe a été supprimé</translation>
    </message>
    <message>
        <source>its service was removed</source>
        <translation>son service a été supprimé</translation>
    </message>
    <message>
        <source>connect failed</source>
        <translation>échec de la connexion</translation>
    </message>
    <message>
        <source>connect failed: %1</source>
        <translation>échec de la connexion : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n consecutive probe(s) failed: %1</source>
        <translation>
            <numerusform>%n sonde échouée : %1</numerusform>
            <numerusform>%n sondes consécutives échouées : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consecutive probe(s) succeeded</source>
        <translation>
            <numerusform>%n sonde réussie</numerusform>
            <numerusform>%n sondes consécutives réussies</numerusform>
        </translation>
    </message>
    <message>
        <source>answered while every host of group &apos;%1&apos; was down</source>
        <translation>a répondu alors que tous les hôtes du groupe « %1 » étaient hors service</translation>
    </message>
    <message numerus="yes">
        <source>drain timeout %1 passed: %n open connection(s) cut</source>
        <translation>
            <numerusform>délai de drainage %1 écoulé : %n connexion ouverte coupée</numerusform>
            <numerusform>délai de drainage %1 écoulé : %n connexions ouvertes coupées</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: PROXY protocol header sent to the hosts: %2 -&gt; %3</source>
        <translation>%1 : en-tête du protocole PROXY envoyé aux hôtes : %2 -&gt; %3</translation>
    </message>
    <message>
        <source>logging: %1</source>
        <translation>journalisation : %1</translation>
    </message>
    <message>
        <source>%1 %2 added to service %3&apos;s ACL</source>
        <translation>%1 %2 ajouté à l’ACL du service %3</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>autoriser</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>refuser</translation>
    </message>
    <message>
        <source>%1 %2 removed from service %3&apos;s ACL</source>
        <translation>%1 %2 retiré de l’ACL du service %3</translation>
    </message>
    <message>
        <source>%1: ACL: %2</source>
        <translation>%1 : ACL : %2</translation>
    </message>
    <message>
        <source>%1: backups and host failure: %2</source>
        <translation>%1 : secours et panne d’hôte : %2</translation>
    </message>
    <message numerus="yes">
        <source>drain deadline passed: %n open connection(s) cut</source>
        <translation>
            <numerusform>échéance de vidage dépassée : %n connexion ouverte coupée</numerusform>
            <numerusform>échéance de vidage dépassée : %n connexions ouvertes coupées</numerusform>
        </translation>
    </message>
    <message>
        <source>for clients that do not speak TLS</source>
        <translation>pour les clients qui ne parlent pas TLS</translation>
    </message>
    <message>
        <source>%1: TLS route %2 to group %3 added</source>
        <translation>%1 : route TLS %2 vers le groupe %3 ajoutée</translation>
    </message>
    <message>
        <source>%1: TLS route %2 to group %3 removed</source>
        <translation>%1 : route TLS %2 vers le groupe %3 supprimée</translation>
    </message>
    <message>
        <source>%1: TLS route %2: %3</source>
        <translation>%1 : route TLS %2 : %3</translation>
    </message>
    <message>
        <source>%1: TLS routes: %2</source>
        <translation>%1 : routes TLS : %2</translation>
    </message>
    <message>
        <source>alert %1 added (%2)</source>
        <translation>alerte %1 ajoutée (%2)</translation>
    </message>
    <message>
        <source>alert %1 removed (%2)</source>
        <translation>alerte %1 supprimée (%2)</translation>
    </message>
    <message>
        <source>alert %1: %2</source>
        <translation>alerte %1 : %2</translation>
    </message>
    <message>
        <source>%1: hosts discovered from the DNS SRV record %2</source>
        <translation>%1 : hôtes découverts par l’enregistrement DNS SRV %2</translation>
    </message>
    <message>
        <source>%1: DNS discovery from %2 stops; its hosts leave</source>
        <translation>%1 : la découverte DNS par %2 s’arrête ; ses hôtes partent</translation>
    </message>
    <message>
        <source>%1: DNS discovery: %2</source>
        <translation>%1 : découverte DNS : %2</translation>
    </message>
    <message>
        <source>discovered by DNS (%1)</source>
        <translation>découvert par DNS (%1)</translation>
    </message>
    <message>
        <source>its DNS record is gone (%1)</source>
        <translation>son enregistrement DNS a disparu (%1)</translation>
    </message>
    <message>
        <source>%1: backend feedback (slow start, agent check): %2</source>
        <translation>%1 : retour des backends (démarrage progressif, agent) : %2</translation>
    </message>
    <message>
        <source>the agent said %1</source>
        <translation>l’agent a dit %1</translation>
    </message>
    <message>
        <source>the agent said %1: %2</source>
        <translation>l’agent a dit %1 : %2</translation>
    </message>
    <message>
        <source>the agent said up</source>
        <translation>l’agent a dit up</translation>
    </message>
    <message>
        <source>the agent set %1</source>
        <translation>l’agent a mis %1</translation>
    </message>
    <message>
        <source>the agent check was switched off</source>
        <translation>le contrôle par agent a été désactivé</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigDraft</name>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d’ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>%1 (imported)</source>
        <translation>%1 (importé)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Edit XML source (line %1)</source>
        <translation>Modifier la source XML (ligne %1)</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigEditor</name>
    <message>
        <source>&amp;New Config</source>
        <translation>&amp;Nouvelle configuration</translation>
    </message>
    <message>
        <source>Start a new config</source>
        <translation>Commencer une nouvelle configuration</translation>
    </message>
    <message>
        <source>&amp;Open Config…</source>
        <translation>&amp;Ouvrir une configuration…</translation>
    </message>
    <message>
        <source>Open a config file</source>
        <translation>Ouvrir un fichier de configuration</translation>
    </message>
    <message>
        <source>&amp;Save Config</source>
        <translation>&amp;Enregistrer la configuration</translation>
    </message>
    <message>
        <source>Save the config (comments are kept)</source>
        <translation>Enregistrer la configuration (les commentaires sont conservés)</translation>
    </message>
    <message>
        <source>Save Config &amp;As…</source>
        <translation>Enregistrer la configuration &amp;sous…</translation>
    </message>
    <message>
        <source>Save the config under another name</source>
        <translation>Enregistrer la configuration sous un autre nom</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>Annuler la dernière modification</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Redo the edit undone last</source>
        <translation>Rétablir la dernière modification annulée</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler : %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir : %1</translation>
    </message>
    <message>
        <source>Add &amp;Service</source>
        <translation>Ajouter un &amp;service</translation>
    </message>
    <message>
        <source>Add a service</source>
        <translation>Ajouter un service</translation>
    </message>
    <message>
        <source>Add &amp;Listener</source>
        <translation>Ajouter une &amp;écoute</translation>
    </message>
    <message>
        <source>Add a listener to the selected service</source>
        <translation>Ajouter une adresse d’écoute au service sélectionné</translation>
    </message>
    <message>
        <source>Add &amp;Group</source>
        <translation>Ajouter un &amp;groupe</translation>
    </message>
    <message>
        <source>Add a group to the selected service</source>
        <translation>Ajouter un groupe au service sélectionné</translation>
    </message>
    <message>
        <source>Add &amp;Host</source>
        <translation>Ajouter un &amp;hôte</translation>
    </message>
    <message>
        <source>Add a host to the selected group</source>
        <translation>Ajouter un hôte au groupe sélectionné</translation>
    </message>
    <message>
        <source>Add Admin &amp;User</source>
        <translation>Ajouter un &amp;utilisateur admin</translation>
    </message>
    <message>
        <source>Add an admin API user</source>
        <translation>Ajouter un utilisateur de l’API d’administration</translation>
    </message>
    <message>
        <source>&amp;Remove Item</source>
        <translation>Su&amp;pprimer l’élément</translation>
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation>Supprimer l’élément sélectionné</translation>
    </message>
    <message>
        <source>&amp;Apply to Running Balancer…</source>
        <translation>&amp;Appliquer au répartiteur en service…</translation>
    </message>
    <message>
        <source>Show what changes, then apply the draft to the running balancer</source>
        <translation>Montrer ce qui change, puis appliquer le brouillon au répartiteur en service</translation>
    </message>
    <message>
        <source>Re&amp;vert to Running Config</source>
        <translation>&amp;Revenir à la configuration en service</translation>
    </message>
    <message>
        <source>Replace the draft with the running config</source>
        <translation>Remplacer le brouillon par la configuration en service</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Config items</source>
        <translation>Éléments de configuration</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>&amp;Problems:</source>
        <translation>&amp;Problèmes :</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Modifications en attente</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Appliquer…</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revenir</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>running config</source>
        <translation>configuration en service</translation>
    </message>
    <message>
        <source>Open Config</source>
        <translation>Ouvrir une configuration</translation>
    </message>
    <message>
        <source>Cannot open %1.</source>
        <translation>Impossible d’ouvrir %1.</translation>
    </message>
    <message>
        <source>Imported Legacy Config</source>
        <translation>Ancienne configuration importée</translation>
    </message>
    <message>
        <source>%1 was written for an older balancer and was converted. Check the import report, then save the converted config under a new name.</source>
        <translation>%1 a été écrit pour un ancien répartiteur et a été converti. Vérifiez le rapport d’import, puis enregistrez la configuration convertie sous un nouveau nom.</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>Balancier configs (*.xml);;All files (*)</source>
        <translation>Configurations Balancier (*.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save Config</source>
        <translation>Enregistrer la configuration</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Save Config As</source>
        <translation>Enregistrer la configuration sous</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The config %1 has unsaved changes. Save them?</source>
        <translation>La configuration %1 a des modifications non enregistrées. Les enregistrer ?</translation>
    </message>
    <message>
        <source>Line %1: </source>
        <translation>Ligne %1 : </translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>Aucun problème.</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>Add service %1</source>
        <translation>Ajouter le service %1</translation>
    </message>
    <message>
        <source>Add listener %1</source>
        <translation>Ajouter l’écoute %1</translation>
    </message>
    <message>
        <source>Add group %1</source>
        <translation>Ajouter le groupe %1</translation>
    </message>
    <message>
        <source>Add host %1</source>
        <translation>Ajouter l’hôte %1</translation>
    </message>
    <message>
        <source>Add admin user %1</source>
        <translation>Ajouter l’utilisateur admin %1</translation>
    </message>
    <message>
        <source>Remove service %1</source>
        <translation>Supprimer le service %1</translation>
    </message>
    <message>
        <source>Remove listener %1</source>
        <translation>Supprimer l’écoute %1</translation>
    </message>
    <message>
        <source>Remove group %1</source>
        <translation>Supprimer le groupe %1</translation>
    </message>
    <message>
        <source>Remove host %1</source>
        <translation>Supprimer l’hôte %1</translation>
    </message>
    <message>
        <source>Remove admin user %1</source>
        <translation>Supprimer l’utilisateur admin %1</translation>
    </message>
    <message>
        <source>Reading the running config…</source>
        <translation>Lecture de la configuration en service…</translation>
    </message>
    <message>
        <source>Not connected to a balancer: nothing to compare the draft with.</source>
        <translation>Aucun répartiteur connecté : rien à quoi comparer le brouillon.</translation>
    </message>
    <message>
        <source>The XML source is not well-formed: fix it to compare with the running config.</source>
        <translation>La source XML est mal formée : corrigez-la pour la comparer à la configuration en service.</translation>
    </message>
    <message>
        <source>The draft matches the running config.</source>
        <translation>Le brouillon correspond à la configuration en service.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not applied to the running balancer: </source>
        <translation>
            <numerusform>%n modification non appliquée au répartiteur en service : </numerusform>
            <numerusform>%n modifications non appliquées au répartiteur en service : </numerusform>
        </translation>
    </message>
    <message>
        <source>Apply to Running Balancer</source>
        <translation>Appliquer au répartiteur en service</translation>
    </message>
    <message>
        <source>The draft has errors (see Problems). Fix them before applying it.</source>
        <translation>Le brouillon contient des erreurs (voir Problèmes). Corrigez-les avant de l’appliquer.</translation>
    </message>
    <message>
        <source>Cannot read the running config: %1</source>
        <translation>Impossible de lire la configuration en service : %1</translation>
    </message>
    <message>
        <source>Nothing to apply: the draft matches the running config.</source>
        <translation>Rien à appliquer : le brouillon correspond à la configuration en service.</translation>
    </message>
    <message>
        <source>The balancer refused the config; nothing was changed.</source>
        <translation>Le répartiteur a refusé la configuration ; rien n’a été modifié.</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n change(s).</source>
        <translation>
            <numerusform>%n modification appliquée.</numerusform>
            <numerusform>%n modifications appliquées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revert to the running config</source>
        <translation>Revenir à la configuration en service</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Annuler : %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Rétablir : %1</translation>
    </message>
    <message>
        <source>Config &amp;History</source>
        <translation>H&amp;istorique de la configuration</translation>
    </message>
    <message>
        <source>Show the versions of the running config and roll back to one</source>
        <translation>Afficher les versions de la configuration en service et revenir à l’une d’elles</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>running when connected</source>
        <translation>en service à la connexion</translation>
    </message>
    <message>
        <source>changed outside this editor</source>
        <translation>modifiée hors de cet éditeur</translation>
    </message>
    <message>
        <source>Line %1:%2: </source>
        <translation>Ligne %1:%2 : </translation>
    </message>
    <message>
        <source>applied from this editor</source>
        <translation>appliquée depuis cet éditeur</translation>
    </message>
    <message>
        <source>applied config</source>
        <translation>configuration appliquée</translation>
    </message>
    <message>
        <source>Nothing to roll back: version %1 is what runs.</source>
        <translation>Rien à rétablir : la version %1 est déjà en service.</translation>
    </message>
    <message>
        <source>Roll Back to Version %1</source>
        <translation>Revenir à la version %1</translation>
    </message>
    <message>
        <source>rollback to version %1</source>
        <translation>retour à la version %1</translation>
    </message>
    <message>
        <source>Running config</source>
        <translation>Configuration en service</translation>
    </message>
    <message>
        <source>The editor shows the running config.</source>
        <translation>L’éditeur affiche la configuration en service.</translation>
    </message>
    <message>
        <source>Running Config</source>
        <translation>Configuration en service</translation>
    </message>
    <message>
        <source>The balancer runs a config that differs from your edited draft %1. Keep editing the draft, or load the running config into the editor (the draft&apos;s unsaved edits are discarded)?</source>
        <translation>Le répartiteur exécute une configuration différente de votre brouillon modifié %1. Continuer à modifier le brouillon, ou charger la configuration en service dans l’éditeur (les modifications non enregistrées du brouillon sont abandonnées) ?</translation>
    </message>
    <message>
        <source>&amp;Keep My Draft</source>
        <translation>&amp;Garder mon brouillon</translation>
    </message>
    <message>
        <source>&amp;Load the Running Config</source>
        <translation>&amp;Charger la configuration en service</translation>
    </message>
    <message>
        <source>Not applied: the running config was changed by someone else meanwhile.</source>
        <translation>Non appliqué : la configuration en cours a été modifiée entre-temps par quelqu’un d’autre.</translation>
    </message>
    <message>
        <source>Rebase onto the running config</source>
        <translation>Rebaser sur la configuration en cours</translation>
    </message>
    <message>
        <source>The draft is rebased onto the running config; review it and apply.</source>
        <translation>Le brouillon est rebasé sur la configuration en cours ; vérifiez-le puis appliquez-le.</translation>
    </message>
    <message>
        <source>Discard the draft&apos;s changes</source>
        <translation>Abandonner les modifications du brouillon</translation>
    </message>
    <message>
        <source>The draft&apos;s changes were discarded: the editor shows the running config.</source>
        <translation>Les modifications du brouillon ont été abandonnées : l’éditeur affiche la configuration en cours.</translation>
    </message>
    <message>
        <source>Changed by someone else:</source>
        <translation>Modifié par quelqu’un d’autre :</translation>
    </message>
    <message>
        <source>Your changes:</source>
        <translation>Vos modifications :</translation>
    </message>
    <message>
        <source>None of your changes touches what they changed.</source>
        <translation>Aucune de vos modifications ne touche ce que l’autre partie a modifié.</translation>
    </message>
    <message>
        <source>%1 (they: %2)</source>
        <translation>%1 (l’autre partie : %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n of your changes touch(es) an item they changed too; the rebased draft keeps your version:</source>
        <translation>
            <numerusform>%n de vos modifications touche un élément modifié aussi par l’autre partie ; le brouillon rebasé garde votre version :</numerusform>
            <numerusform>%n de vos modifications touchent des éléments modifiés aussi par l’autre partie ; le brouillon rebasé garde votre version :</numerusform>
        </translation>
    </message>
    <message>
        <source>Running Config Changed</source>
        <translation>Configuration en cours modifiée</translation>
    </message>
    <message numerus="yes">
        <source>Someone else applied %n change(s) to the running balancer since your draft was based on it. Your draft was not applied.</source>
        <translation>
            <numerusform>Quelqu’un d’autre a appliqué %n modification au balancer en cours depuis la base de votre brouillon. Votre brouillon n’a pas été appliqué.</numerusform>
            <numerusform>Quelqu’un d’autre a appliqué %n modifications au balancer en cours depuis la base de votre brouillon. Votre brouillon n’a pas été appliqué.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rebase your %n change(s) onto the running config?</source>
        <translation>
            <numerusform>Rebaser votre modification sur la configuration en cours ?</numerusform>
            <numerusform>Rebaser vos %n modifications sur la configuration en cours ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply &amp;Rebased Draft</source>
        <translation>Appliquer le brouillon &amp;rebasé</translation>
    </message>
    <message>
        <source>&amp;Edit Rebased Draft</source>
        <translation>&amp;Modifier le brouillon rebasé</translation>
    </message>
    <message>
        <source>&amp;Discard My Changes</source>
        <translation>&amp;Abandonner mes modifications</translation>
    </message>
    <message>
        <source>The balancer refused the rollback; nothing was changed.</source>
        <translation>Le balancer a refusé le retour arrière ; rien n’a été modifié.</translation>
    </message>
    <message numerus="yes">
        <source>Rolled back to version %1: %n change(s).</source>
        <translation>
            <numerusform>Retour à la version %1 : %n modification.</numerusform>
            <numerusform>Retour à la version %1 : %n modifications.</numerusform>
        </translation>
    </message>
    <message>
        <source>The running config was changed by someone else; fix the XML source to compare your draft with it, then apply again.</source>
        <translation>La configuration en cours a été modifiée par quelqu’un d’autre ; corrigez la source XML pour comparer votre brouillon avec elle, puis appliquez de nouveau.</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigHistory</name>
    <message>
        <source>%1 (running)</source>
        <translation>%1 (en service)</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>n° %1 %2</translation>
    </message>
    <message>
        <source>first version seen</source>
        <translation>première version vue</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s): %1; …</source>
        <translation>
            <numerusform>%n modification : %1 ; …</numerusform>
            <numerusform>%n modifications : %1 ; …</numerusform>
        </translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 depuis %2</translation>
    </message>
    <message>
        <source>admin API, %1</source>
        <translation>API d’administration, %1</translation>
    </message>
    <message>
        <source>desktop app</source>
        <translation>application de bureau</translation>
    </message>
    <message>
        <source>desktop app, %1</source>
        <translation>application de bureau, %1</translation>
    </message>
    <message>
        <source>reload (SIGHUP)</source>
        <translation>rechargement (SIGHUP)</translation>
    </message>
    <message>
        <source>daemon started</source>
        <translation>démon démarré</translation>
    </message>
    <message>
        <source>rollback to version %1</source>
        <translation>retour à la version %1</translation>
    </message>
    <message>
        <source>rollback to version %1, %2</source>
        <translation>retour à la version %1, %2</translation>
    </message>
    <message>
        <source>balancer</source>
        <translation>répartiteur</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigTreeModel</name>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>one worker per core</source>
        <translation>un worker par cœur</translation>
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
        <translation>API d’administration</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>full access</source>
        <translation>accès complet</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>listener</source>
        <translation>écoute</translation>
    </message>
    <message>
        <source>%1, enabled</source>
        <translation>%1, active</translation>
    </message>
    <message>
        <source>%1, weight %2</source>
        <translation>%1, poids %2</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alerte</numerusform>
            <numerusform>%n alertes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectDialog</name>
    <message>
        <source>Run a config &amp;file in this app</source>
        <translation>Exécuter un &amp;fichier de configuration dans cette application</translation>
    </message>
    <message>
        <source>Connect to a running &amp;balancierd</source>
        <translation>Se connecter à un &amp;balancierd en service</translation>
    </message>
    <message>
        <source>Connect to a Balancer</source>
        <translation>Se connecter à un répartiteur</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Profils enregistrés</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>p. ex. production</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Config &amp;file:</source>
        <translation>&amp;Fichier de configuration :</translation>
    </message>
    <message>
        <source>Admin API &amp;URL:</source>
        <translation>&amp;URL de l’API d’administration :</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>The password is asked for when connecting and is never saved.</source>
        <translation>Le mot de passe est demandé à la connexion et n’est jamais enregistré.</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>&amp;Nom du profil :</translation>
    </message>
    <message>
        <source>&amp;Save Profile</source>
        <translation>&amp;Enregistrer le profil</translation>
    </message>
    <message>
        <source>&amp;Delete Profile</source>
        <translation>&amp;Supprimer le profil</translation>
    </message>
    <message>
        <source>Sa&amp;ved profiles:</source>
        <translation>Profils en&amp;registrés :</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>Config File</source>
        <translation>Fichier de configuration</translation>
    </message>
    <message>
        <source>Balancier configs (*.xml);;All files (*)</source>
        <translation>Configurations Balancier (*.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose a config file.</source>
        <translation>Choisissez un fichier de configuration.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 n’est pas un fichier.</translation>
    </message>
    <message>
        <source>Enter the admin user&apos;s name.</source>
        <translation>Saisissez le nom de l’utilisateur admin.</translation>
    </message>
    <message>
        <source>Enter the admin API&apos;s URL, e.g. %1 or https://balancer.example:8443.</source>
        <translation>Saisissez l’URL de l’API d’administration, p. ex. %1 ou https://balancer.example:8443.</translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectionBanner</name>
    <message>
        <source>Connection status</source>
        <translation>État de la connexion</translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectionTableModel</name>
    <message>
        <source>(none yet)</source>
        <translation>(aucun pour l’instant)</translation>
    </message>
    <message>
        <source>Connection %1 from %2 to %3</source>
        <translation>Connexion %1 de %2 vers %3</translation>
    </message>
    <message>
        <source>%1 bytes from the client, %2 bytes to the client</source>
        <translation>%1 octets du client, %2 octets vers le client</translation>
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
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Why this backend</source>
        <translation>Pourquoi ce backend</translation>
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
        <translation>%1 j</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>round robin</source>
        <translation>tourniquet</translation>
    </message>
    <message>
        <source>weighted round robin</source>
        <translation>tourniquet pondéré</translation>
    </message>
    <message>
        <source>least connections</source>
        <translation>moins de connexions</translation>
    </message>
    <message>
        <source>least connections, round robin among equals</source>
        <translation>moins de connexions, tourniquet entre égaux</translation>
    </message>
    <message>
        <source>better of two random choices</source>
        <translation>meilleur de deux choix aléatoires</translation>
    </message>
    <message>
        <source>random</source>
        <translation>aléatoire</translation>
    </message>
    <message>
        <source>sticky: new client</source>
        <translation>sticky : nouveau client</translation>
    </message>
    <message>
        <source>sticky: seen %1 ago</source>
        <translation>sticky : vu il y a %1</translation>
    </message>
    <message>
        <source>hash bucket %1 of %2</source>
        <translation>case de hachage %1 sur %2</translation>
    </message>
    <message>
        <source>Maglev entry %1 of %2</source>
        <translation>entrée Maglev %1 sur %2</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>injoignable</translation>
    </message>
    <message>
        <source>not resolved</source>
        <translation>non résolu</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>backend, then what happened</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>failover after %1</source>
        <translation>bascule après %1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between failed backends</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>%1; %2</source>
        <comment>the scheduler&apos;s reason; the failover</comment>
        <translation>%1 ; %2</translation>
    </message>
    <message>
        <source>reading PROXY header</source>
        <translation>lecture de l’en-tête PROXY</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion en cours</translation>
    </message>
    <message>
        <source>established</source>
        <translation>établie</translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectionsPage</name>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation>Connexions ouvertes</translation>
    </message>
    <message>
        <source>Top talkers</source>
        <translation>Plus gros émetteurs</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <source>any group</source>
        <translation>tout groupe</translation>
    </message>
    <message>
        <source>any backend</source>
        <translation>tout backend</translation>
    </message>
    <message>
        <source>e.g. 10.1.0.0/16</source>
        <translation>p. ex. 10.1.0.0/16</translation>
    </message>
    <message>
        <source>Only clients in this network (CIDR), IPv4 or IPv6</source>
        <translation>Seulement les clients de ce réseau (CIDR), IPv4 ou IPv6</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>tout âge</translation>
    </message>
    <message>
        <source>Only connections open at least this long</source>
        <translation>Seulement les connexions ouvertes depuis au moins ce temps</translation>
    </message>
    <message>
        <source> kB</source>
        <translation> ko</translation>
    </message>
    <message>
        <source>any size</source>
        <translation>toute taille</translation>
    </message>
    <message>
        <source>Only connections that moved at least this much, both ways together</source>
        <translation>Seulement les connexions ayant transféré au moins autant, dans les deux sens</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Plus anciennes d’abord</translation>
    </message>
    <message>
        <source>Most bytes first</source>
        <translation>Plus d’octets d’abord</translation>
    </message>
    <message>
        <source>By client</source>
        <translation>Par client</translation>
    </message>
    <message>
        <source>By backend</source>
        <translation>Par backend</translation>
    </message>
    <message>
        <source>By id (newest last)</source>
        <translation>Par identifiant (plus récentes en dernier)</translation>
    </message>
    <message>
        <source>The balancer&apos;s order, across every page</source>
        <translation>L’ordre du balanceur, sur toutes les pages</translation>
    </message>
    <message>
        <source>Rows per page</source>
        <translation>Lignes par page</translation>
    </message>
    <message>
        <source>by open connections</source>
        <translation>par connexions ouvertes</translation>
    </message>
    <message>
        <source>by new connections per second</source>
        <translation>par nouvelles connexions par seconde</translation>
    </message>
    <message>
        <source>by bytes</source>
        <translation>par octets</translation>
    </message>
    <message>
        <source>&amp;Close Connection…</source>
        <translation>&amp;Fermer la connexion…</translation>
    </message>
    <message>
        <source>Close the selected connections (needs full access)</source>
        <translation>Fermer les connexions sélectionnées (accès complet requis)</translation>
    </message>
    <message>
        <source>&amp;Block Prefix</source>
        <translation>&amp;Bloquer le préfixe</translation>
    </message>
    <message>
        <source>Add a deny rule for the selected prefix to the service&apos;s ACL in the draft; Apply makes it take effect</source>
        <translation>Ajouter une règle de refus pour le préfixe sélectionné à l’ACL du service dans le brouillon ; Appliquer la rend effective</translation>
    </message>
    <message>
        <source>Block This &amp;Client</source>
        <translation>Bloquer ce &amp;client</translation>
    </message>
    <message>
        <source>Add a deny rule for the client&apos;s address to the service&apos;s ACL in the draft</source>
        <translation>Ajouter une règle de refus pour l’adresse du client à l’ACL du service dans le brouillon</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service :</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Groupe :</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend :</translation>
    </message>
    <message>
        <source>Cl&amp;ient:</source>
        <translation>Cl&amp;ient :</translation>
    </message>
    <message>
        <source>Open &amp;at least:</source>
        <translation>Ouverte &amp;depuis au moins :</translation>
    </message>
    <message>
        <source>&amp;Moved at least:</source>
        <translation>&amp;Transféré au moins :</translation>
    </message>
    <message>
        <source>S&amp;ort:</source>
        <translation>&amp;Tri :</translation>
    </message>
    <message>
        <source>&amp;Rows per page:</source>
        <translation>&amp;Lignes par page :</translation>
    </message>
    <message>
        <source>&lt;b&gt;Top talkers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Plus gros émetteurs&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The balancer did not list its connections: %1</source>
        <translation>Le balanceur n’a pas listé ses connexions : %1</translation>
    </message>
    <message>
        <source>No open connections match.</source>
        <translation>Aucune connexion ouverte ne correspond.</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 sur %3</translation>
    </message>
    <message>
        <source>Close the connection from %1 to %2 (service %3)?

Both ends see it closed; the client may connect again.</source>
        <translation>Fermer la connexion de %1 vers %2 (service %3) ?

Les deux extrémités la voient fermée ; le client peut se reconnecter.</translation>
    </message>
    <message>
        <source>no backend yet</source>
        <translation>pas encore de backend</translation>
    </message>
    <message>
        <source>Close %1 connections?

Both ends of each see it closed; the clients may connect again.</source>
        <translation>Fermer %1 connexions ?

Les deux extrémités de chacune la voient fermée ; les clients peuvent se reconnecter.</translation>
    </message>
    <message>
        <source>Close Connections</source>
        <translation>Fermer des connexions</translation>
    </message>
    <message>
        <source>Connection %1 closed.</source>
        <translation>Connexion %1 fermée.</translation>
    </message>
    <message>
        <source>The balancer refused to close connection %1: closing connections needs a user with full access, and this login is read-only (%2). Connect as a user with access=&quot;full&quot; to close connections.</source>
        <translation>Le balanceur a refusé de fermer la connexion %1 : fermer des connexions demande un utilisateur avec accès complet, et cette connexion est en lecture seule (%2). Connectez-vous avec un utilisateur access=&quot;full&quot; pour fermer des connexions.</translation>
    </message>
    <message>
        <source>Connection %1 was not closed: %2</source>
        <translation>La connexion %1 n’a pas été fermée : %2</translation>
    </message>
    <message>
        <source>The draft has no service %1.</source>
        <translation>Le brouillon n’a pas de service %1.</translation>
    </message>
    <message>
        <source>%1 is blocked in service %2 already (the ACL&apos;s first rule).</source>
        <translation>%1 est déjà bloqué dans le service %2 (la première règle de l’ACL).</translation>
    </message>
    <message>
        <source>There is no draft to add the rule to.</source>
        <translation>Il n’y a pas de brouillon où ajouter la règle.</translation>
    </message>
    <message>
        <source>The draft is not a well-formed config (%1); fix it on the Configuration page first.</source>
        <translation>Le brouillon n’est pas une configuration bien formée (%1) ; corrigez-le d’abord dans la page Configuration.</translation>
    </message>
    <message>
        <source>Block Prefix</source>
        <translation>Bloquer le préfixe</translation>
    </message>
    <message>
        <source>Block %1 in which service?</source>
        <translation>Bloquer %1 dans quel service ?</translation>
    </message>
    <message>
        <source>Block %1 in service %2</source>
        <translation>Bloquer %1 dans le service %2</translation>
    </message>
    <message>
        <source>The draft could not take the deny rule for %1: this version does not write &lt;acl&gt; into the config.</source>
        <translation>Le brouillon n’a pas pu recevoir la règle de refus pour %1 : cette version n’écrit pas &lt;acl&gt; dans la configuration.</translation>
    </message>
    <message>
        <source>Deny rule for %1 added to the ACL of service %2 in the draft. Review it on the Configuration page and Apply it to take effect.</source>
        <translation>Règle de refus pour %1 ajoutée à l’ACL du service %2 dans le brouillon. Vérifiez-la dans la page Configuration et appliquez-la pour qu’elle prenne effet.</translation>
    </message>
    <message>
        <source>%1 blocked in the draft of service %2; Apply to take effect.</source>
        <translation>%1 bloqué dans le brouillon du service %2 ; appliquer pour que cela prenne effet.</translation>
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
        <translation>active, %1</translation>
    </message>
    <message>
        <source>standby, %1</source>
        <translation>en réserve, %1</translation>
    </message>
    <message>
        <source>no host up</source>
        <translation>aucun hôte disponible</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 at %2, weight %3</source>
        <translation>%1 à %2, poids %3</translation>
    </message>
    <message>
        <source>at most %1 connections</source>
        <translation>au plus %1 connexions</translation>
    </message>
    <message>
        <source>Scheduler: %1</source>
        <translation>Ordonnanceur : %1</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>À l’écoute sur %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actives</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Octets reçus</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Octets envoyés</translation>
    </message>
    <message>
        <source>In/s</source>
        <translation>Reçus/s</translation>
    </message>
    <message>
        <source>Out/s</source>
        <translation>Envoyés/s</translation>
    </message>
    <message>
        <source>Since change</source>
        <translation>Depuis le changement</translation>
    </message>
    <message>
        <source>%1 of at most %2 open connections</source>
        <translation>%1 connexions ouvertes sur %2 au plus</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>, backup (standby)</source>
        <translation>, secours (en attente)</translation>
    </message>
    <message>
        <source>, backup</source>
        <translation>, secours</translation>
    </message>
    <message>
        <source>, drain: %1 left</source>
        <translation>, vidage : reste %1</translation>
    </message>
    <message>
        <source>, then remove</source>
        <translation>, puis suppression</translation>
    </message>
    <message>
        <source>, then maintenance</source>
        <translation>, puis maintenance</translation>
    </message>
    <message>
        <source>%1, backup active</source>
        <translation>%1, secours actif</translation>
    </message>
    <message>
        <source>default (the enabled group)</source>
        <translation>par défaut (le groupe actif)</translation>
    </message>
    <message>
        <source>not TLS</source>
        <translation>pas TLS</translation>
    </message>
    <message numerus="yes">
        <source>%1 -&gt; %2: %n connection(s)</source>
        <translation>
            <numerusform>%1 -&gt; %2 : %n connexion</numerusform>
            <numerusform>%1 -&gt; %2 : %n connexions</numerusform>
        </translation>
    </message>
    <message>
        <source>TLS routes to this group:</source>
        <translation>Routes TLS vers ce groupe :</translation>
    </message>
    <message>
        <source>TLS routes:</source>
        <translation>Routes TLS :</translation>
    </message>
    <message>
        <source>discovered by DNS (SRV record); not in the config file</source>
        <translation>découvert par DNS (enregistrement SRV) ; absent du fichier de configuration</translation>
    </message>
    <message>
        <source>discovered by DNS (an address of its name); not in the config file</source>
        <translation>découvert par DNS (une adresse de son nom) ; absent du fichier de configuration</translation>
    </message>
    <message>
        <source>DNS discovery: %1</source>
        <translation>Découverte DNS : %1</translation>
    </message>
    <message>
        <source>not looked up yet</source>
        <translation>pas encore interrogé</translation>
    </message>
    <message numerus="yes">
        <source>last lookup %1: %n record(s)</source>
        <translation>
            <numerusform>dernière requête %1 : %n enregistrement</numerusform>
            <numerusform>dernière requête %1 : %n enregistrements</numerusform>
        </translation>
    </message>
    <message>
        <source>failing: %1 (the last good records stay)</source>
        <translation>en échec : %1 (les derniers bons enregistrements restent)</translation>
    </message>
    <message numerus="yes">
        <source>TLS on %1: %2, expires %3 (%n day(s) left)</source>
        <translation>
            <numerusform>TLS sur %1 : %2, expire le %3 (%n jour restant)</numerusform>
            <numerusform>TLS sur %1 : %2, expire le %3 (%n jours restants)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 handshakes/s, %2 completed, %3 failed, %4 timed out</source>
        <translation>%1 négociations/s, %2 réussies, %3 échouées, %4 expirées</translation>
    </message>
    <message>
        <source>kernel TLS in use</source>
        <translation>TLS noyau utilisé</translation>
    </message>
    <message>
        <source>Warning: a certificate of this listener expires within 14 days</source>
        <translation>Attention : un certificat de cet écouteur expire dans moins de 14 jours</translation>
    </message>
    <message>
        <source>%1, slow start: weight %2 of %3</source>
        <translation>%1, démarrage progressif : poids %2 sur %3</translation>
    </message>
    <message>
        <source>%1, agent: weight %2 of %3</source>
        <translation>%1, agent : poids %2 sur %3</translation>
    </message>
    <message>
        <source>effective weight %1</source>
        <translation>poids effectif %1</translation>
    </message>
    <message>
        <source>agent said &quot;%1&quot;</source>
        <translation>l’agent a dit « %1 »</translation>
    </message>
    <message>
        <source>agent changed: %1</source>
        <translation>l’agent a changé : %1</translation>
    </message>
</context>
<context>
    <name>Balancier::DashboardWidget</name>
    <message>
        <source>&amp;Problems only</source>
        <translation>Seulement les &amp;problèmes</translation>
    </message>
    <message>
        <source>Services, groups and hosts</source>
        <translation>Services, groupes et hôtes</translation>
    </message>
    <message>
        <source>Filter by name or state (Ctrl+F)</source>
        <translation>Filtrer par nom ou état (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>State history of the selected host</source>
        <translation>Historique d’état de l’hôte sélectionné</translation>
    </message>
    <message>
        <source>Select a host to see its history.</source>
        <translation>Sélectionnez un hôte pour voir son historique.</translation>
    </message>
    <message>
        <source>&amp;Drain</source>
        <translation>&amp;Drainer</translation>
    </message>
    <message>
        <source>Send no new connections to the selected hosts; open ones finish</source>
        <translation>Plus de nouvelles connexions vers les hôtes sélectionnés ; celles en cours se terminent</translation>
    </message>
    <message>
        <source>&amp;Maintenance</source>
        <translation>&amp;Maintenance</translation>
    </message>
    <message>
        <source>Take the selected hosts out of rotation</source>
        <translation>Retirer les hôtes sélectionnés de la rotation</translation>
    </message>
    <message>
        <source>&amp;Ready</source>
        <translation>&amp;Prêt</translation>
    </message>
    <message>
        <source>Put the selected hosts back into rotation</source>
        <translation>Remettre les hôtes sélectionnés en rotation</translation>
    </message>
    <message>
        <source>Set &amp;Weight…</source>
        <translation>Définir le p&amp;oids…</translation>
    </message>
    <message>
        <source>Change the weight of the selected hosts</source>
        <translation>Modifier le poids des hôtes sélectionnés</translation>
    </message>
    <message>
        <source>Re&amp;try Now</source>
        <translation>&amp;Réessayer maintenant</translation>
    </message>
    <message>
        <source>Probe the selected down hosts now</source>
        <translation>Sonder maintenant les hôtes sélectionnés qui sont hors service</translation>
    </message>
    <message>
        <source>Remove the selected hosts from the running config (they drain)</source>
        <translation>Supprimer les hôtes sélectionnés de la configuration en service (ils se drainent)</translation>
    </message>
    <message>
        <source>History of host %1 (group %2, service %3)</source>
        <translation>Historique de l’hôte %1 (groupe %2, service %3)</translation>
    </message>
    <message>
        <source>Set Weight</source>
        <translation>Définir le poids</translation>
    </message>
    <message numerus="yes">
        <source>New weight for %n host(s) (0: no new connections):</source>
        <translation>
            <numerusform>Nouveau poids pour %n hôte (0 : aucune nouvelle connexion) :</numerusform>
            <numerusform>Nouveau poids pour %n hôtes (0 : aucune nouvelle connexion) :</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove Hosts</source>
        <translation>Supprimer des hôtes</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n host(s) from the running config? Their open connections finish first.</source>
        <translation>
            <numerusform>Supprimer %n hôte de la configuration en service ? Ses connexions en cours se terminent d’abord.</numerusform>
            <numerusform>Supprimer %n hôtes de la configuration en service ? Leurs connexions en cours se terminent d’abord.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Done for %n host(s).</source>
        <translation>
            <numerusform>Fait pour %n hôte.</numerusform>
            <numerusform>Fait pour %n hôtes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed for %n host(s): </source>
        <translation>
            <numerusform>Échec pour %n hôte : </numerusform>
            <numerusform>Échec pour %n hôtes : </numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Probe Address</source>
        <translation>&amp;Tester l’adresse</translation>
    </message>
    <message>
        <source>Measure the connect time to the selected hosts&apos; addresses from this computer</source>
        <translation>Mesurer le temps de connexion aux adresses des hôtes sélectionnés depuis cet ordinateur</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Service %1</translation>
    </message>
    <message>
        <source>Group %1/%2</source>
        <translation>Groupe %1/%2</translation>
    </message>
    <message>
        <source>Host %1</source>
        <translation>Hôte %1</translation>
    </message>
    <message numerus="yes">
        <source>Probing %n host(s)…</source>
        <translation>
            <numerusform>Test de %n hôte…</numerusform>
            <numerusform>Test de %n hôtes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Probed %n host(s): all answered. </source>
        <translation>
            <numerusform>%n hôte testé, il a répondu. </numerusform>
            <numerusform>%n hôtes testés, tous ont répondu. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Probed %n host(s): %1 failed. </source>
        <translation>
            <numerusform>%n hôte testé, échecs : %1. </numerusform>
            <numerusform>%n hôtes testés, échecs : %1. </numerusform>
        </translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>Fi&amp;ltre :</translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <source>Remove the Last Live Host?</source>
        <translation>Retirer le dernier hôte actif ?</translation>
    </message>
    <message numerus="yes">
        <source>The balancer kept %n host(s): removing them leaves their service without a live host, and it refuses new clients until a host is added or comes back.</source>
        <translation>
            <numerusform>Le répartiteur a gardé %n hôte : sans lui, son service n’a plus d’hôte actif et refuse les nouveaux clients jusqu’à ce qu’un hôte soit ajouté ou revienne.</numerusform>
            <numerusform>Le répartiteur a gardé %n hôtes : sans eux, leur service n’a plus d’hôte actif et refuse les nouveaux clients jusqu’à ce qu’un hôte soit ajouté ou revienne.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove anyway?</source>
        <translation>Retirer quand même ?</translation>
    </message>
    <message>
        <source>VRRP role: %1</source>
        <translation>Rôle VRRP : %1</translation>
    </message>
    <message>
        <source>Drain with &amp;Deadline…</source>
        <translation>Vider avec &amp;échéance…</translation>
    </message>
    <message>
        <source>Drain the selected hosts with a deadline, then remove them or set them to maintenance</source>
        <translation>Vider les hôtes sélectionnés avec une échéance, puis les supprimer ou les mettre en maintenance</translation>
    </message>
</context>
<context>
    <name>Balancier::EventLogModel</name>
    <message>
        <source>Debug</source>
        <translation>Débogage</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
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
        <translation>en attente</translation>
    </message>
    <message>
        <source>dry run…</source>
        <translation>essai à blanc…</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>vérifié</translation>
    </message>
    <message>
        <source>applying…</source>
        <translation>application…</translation>
    </message>
    <message>
        <source>waiting until healthy…</source>
        <translation>attente de l’état sain…</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>appliqué</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>untouched</source>
        <translation>non modifié</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message numerus="yes">
        <source>The draft is applied on all %n node(s).</source>
        <translation>
            <numerusform>Le brouillon est appliqué sur %n nœud.</numerusform>
            <numerusform>Le brouillon est appliqué sur les %n nœuds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its running config changed after the dry run (someone else applied a change); nothing was applied there. Run the dry run again to review the new differences.
%1</source>
        <translation>Sa configuration en cours a changé après l’essai à blanc (quelqu’un d’autre a appliqué une modification) ; rien n’y a été appliqué. Relancez l’essai à blanc pour examiner les nouvelles différences.
%1</translation>
    </message>
    <message>
        <source>%1 of %2 service(s) have a live host</source>
        <translation>%1 service(s) sur %2 ont un hôte actif</translation>
    </message>
    <message numerus="yes">
        <source>The draft is applied there, but the node did not report healthy within %n second(s) (%1).</source>
        <translation>
            <numerusform>Le brouillon y est appliqué, mais le nœud ne s’est pas déclaré sain dans les %n seconde (%1).</numerusform>
            <numerusform>Le brouillon y est appliqué, mais le nœud ne s’est pas déclaré sain dans les %n secondes (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped at node %1: %2
%n node(s) after it left untouched.</source>
        <translation>
            <numerusform>Arrêté au nœud %1 : %2
%n nœud suivant laissé intact.</numerusform>
            <numerusform>Arrêté au nœud %1 : %2
%n nœuds suivants laissés intacts.</numerusform>
        </translation>
    </message>
    <message>
        <source>It does not report its health (a balancierd without /api/v1/health, or a balancer in this app): not waited for.</source>
        <translation>Il ne signale pas son état (un balancierd sans /api/v1/health, ou un balancer dans cette application) : pas d’attente.</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetCompare</name>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>Its running config cannot be read: %1</source>
        <translation>Sa configuration en cours est illisible : %1</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetDrain</name>
    <message>
        <source>The connection is closed.</source>
        <translation>La connexion est fermée.</translation>
    </message>
    <message>
        <source>Its running config cannot be read.</source>
        <translation>Sa configuration en cours est illisible.</translation>
    </message>
    <message>
        <source>It has no host named &quot;%1&quot;.</source>
        <translation>Il n’a pas d’hôte nommé « %1 ».</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetModel</name>
    <message>
        <source>All hosts up</source>
        <translation>Tous les hôtes disponibles</translation>
    </message>
    <message>
        <source>No host down</source>
        <translation>Aucun hôte hors service</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) down</source>
        <translation>
            <numerusform>%n hôte hors service</numerusform>
            <numerusform>%n hôtes hors service</numerusform>
        </translation>
    </message>
    <message>
        <source>A service has no host up</source>
        <translation>Un service n’a aucun hôte disponible</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Hosts up</source>
        <translation>Hôtes disponibles</translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation>Connexions ouvertes</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetWindow</name>
    <message>
        <source>&amp;Show Window</source>
        <translation>&amp;Afficher la fenêtre</translation>
    </message>
    <message>
        <source>Fleet Overview — Balancier</source>
        <translation>Vue d’ensemble du parc — Balancier</translation>
    </message>
    <message>
        <source>Every open connection, with its health. Press Enter on a row to show its window.</source>
        <translation>Chaque connexion ouverte, avec son état de santé. Appuyez sur Entrée sur une ligne pour afficher sa fenêtre.</translation>
    </message>
    <message>
        <source>Open connections and their health</source>
        <translation>Connexions ouvertes et leur état de santé</translation>
    </message>
    <message>
        <source>&amp;New Window</source>
        <translation>&amp;Nouvelle fenêtre</translation>
    </message>
    <message>
        <source>&amp;Compare Configs</source>
        <translation>&amp;Comparer les configurations</translation>
    </message>
    <message>
        <source>&amp;Apply Draft to Fleet…</source>
        <translation>&amp;Appliquer le brouillon à la flotte…</translation>
    </message>
    <message>
        <source>&amp;Drain Host Everywhere…</source>
        <translation>&amp;Drainer un hôte partout…</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>&amp;Fleet:</source>
        <translation>&amp;Flotte :</translation>
    </message>
    <message>
        <source>Save as Fleet…</source>
        <translation>Enregistrer comme flotte…</translation>
    </message>
    <message>
        <source>Save a named set of connection profiles, such as a VRRP pair</source>
        <translation>Enregistrer un ensemble nommé de profils de connexion, comme une paire VRRP</translation>
    </message>
    <message>
        <source>Show how each node&apos;s running config differs from the first node&apos;s</source>
        <translation>Montrer en quoi la configuration en cours de chaque nœud diffère de celle du premier</translation>
    </message>
    <message>
        <source>Apply the editor&apos;s draft of the selected connection to every node: a dry run on each, then one node at a time, backups first</source>
        <translation>Appliquer le brouillon de l’éditeur de la connexion choisie à chaque nœud : un essai à blanc sur chacun, puis un nœud à la fois, les secours d’abord</translation>
    </message>
    <message>
        <source>Drain the host of that name on every node of the fleet</source>
        <translation>Drainer l’hôte de ce nom sur chaque nœud de la flotte</translation>
    </message>
    <message>
        <source>What happened on each node</source>
        <translation>Ce qui s’est passé sur chaque nœud</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Every open connection</source>
        <translation>Toutes les connexions ouvertes</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n node(s))</source>
        <translation>
            <numerusform>%1 (%n nœud)</numerusform>
            <numerusform>%1 (%n nœuds)</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as Fleet</source>
        <translation>Enregistrer comme flotte</translation>
    </message>
    <message>
        <source>Name of the fleet (for example prod-pair):</source>
        <translation>Nom de la flotte (par exemple prod-pair) :</translation>
    </message>
    <message>
        <source>A fleet is made of saved connection profiles. Connect to each node through a profile (File &gt; Connect), then save the fleet.</source>
        <translation>Une flotte se compose de profils de connexion enregistrés. Connectez-vous à chaque nœud par un profil (Fichier &gt; Connexion), puis enregistrez la flotte.</translation>
    </message>
    <message>
        <source>Fleet %1 saved: %2.</source>
        <translation>Flotte %1 enregistrée : %2.</translation>
    </message>
    <message>
        <source>not open</source>
        <translation>non ouvert</translation>
    </message>
    <message>
        <source>Connect to this node first: the action leaves it out.</source>
        <translation>Connectez-vous d’abord à ce nœud : l’action l’ignore.</translation>
    </message>
    <message>
        <source>Comparing the running configs…</source>
        <translation>Comparaison des configurations en cours…</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>non lu</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>référence</translation>
    </message>
    <message>
        <source>The others are compared with it.</source>
        <translation>Les autres sont comparés à celui-ci.</translation>
    </message>
    <message>
        <source>same</source>
        <translation>identique</translation>
    </message>
    <message>
        <source>Runs the same config.</source>
        <translation>Exécute la même configuration.</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n différence</numerusform>
            <numerusform>%n différences</numerusform>
        </translation>
    </message>
    <message>
        <source>Every node runs the same config.</source>
        <translation>Chaque nœud exécute la même configuration.</translation>
    </message>
    <message>
        <source>The nodes&apos; running configs differ (or could not be read).</source>
        <translation>Les configurations en cours des nœuds diffèrent (ou n’ont pas pu être lues).</translation>
    </message>
    <message>
        <source>The selected connection&apos;s editor has no draft to apply.</source>
        <translation>L’éditeur de la connexion choisie n’a aucun brouillon à appliquer.</translation>
    </message>
    <message>
        <source>Not applied: every node of the fleet must be open.</source>
        <translation>Non appliqué : chaque nœud de la flotte doit être ouvert.</translation>
    </message>
    <message>
        <source>Dry run on every node…</source>
        <translation>Essai à blanc sur chaque nœud…</translation>
    </message>
    <message>
        <source>The dry run failed on a node: nothing was applied anywhere.</source>
        <translation>L’essai à blanc a échoué sur un nœud : rien n’a été appliqué nulle part.</translation>
    </message>
    <message numerus="yes">
        <source>Apply the draft to %n node(s), one at a time, in this order: %1?
Each node must report healthy before the next one is changed.</source>
        <translation>
            <numerusform>Appliquer le brouillon à %n nœud, un à la fois, dans cet ordre : %1 ?
Chaque nœud doit se déclarer sain avant que le suivant ne soit modifié.</numerusform>
            <numerusform>Appliquer le brouillon à %n nœuds, un à la fois, dans cet ordre : %1 ?
Chaque nœud doit se déclarer sain avant que le suivant ne soit modifié.</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply to Fleet</source>
        <translation>Appliquer à la flotte</translation>
    </message>
    <message>
        <source>Dry run done; nothing applied.</source>
        <translation>Essai à blanc terminé ; rien appliqué.</translation>
    </message>
    <message>
        <source>Rolling out…</source>
        <translation>Déploiement…</translation>
    </message>
    <message>
        <source>Runs the draft already: nothing to change.</source>
        <translation>Exécute déjà le brouillon : rien à changer.</translation>
    </message>
    <message>
        <source>Impact: %1</source>
        <translation>Impact : %1</translation>
    </message>
    <message>
        <source>Drain Host Everywhere</source>
        <translation>Drainer un hôte partout</translation>
    </message>
    <message>
        <source>Host name to drain on every node of the fleet:</source>
        <translation>Nom de l’hôte à drainer sur chaque nœud de la flotte :</translation>
    </message>
    <message>
        <source>Draining host %1 on every node…</source>
        <translation>Drainage de l’hôte %1 sur chaque nœud…</translation>
    </message>
    <message>
        <source>Draining: %1</source>
        <translation>En drainage : %1</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>drainé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>Host %1 is draining on every node.</source>
        <translation>L’hôte %1 est en drainage sur chaque nœud.</translation>
    </message>
    <message>
        <source>Host %1 could not be drained on every node.</source>
        <translation>L’hôte %1 n’a pas pu être drainé sur chaque nœud.</translation>
    </message>
    <message>
        <source>Keep draining</source>
        <translation>Continuer le vidage</translation>
    </message>
    <message>
        <source>Remove the host</source>
        <translation>Supprimer l’hôte</translation>
    </message>
    <message>
        <source>Set to maintenance</source>
        <translation>Mettre en maintenance</translation>
    </message>
    <message>
        <source>When host %1 is empty or its deadline passed:</source>
        <translation>Quand l’hôte %1 est vide ou son échéance passée :</translation>
    </message>
    <message>
        <source>Deadline (such as 90s, 10m or 1h; empty: each node&apos;s drain timeout):</source>
        <translation>Échéance (par exemple 90s, 10m ou 1h ; vide : le délai de vidage de chaque nœud) :</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration; write for example 90s, 10m or 1h.</source>
        <translation>« %1 » n’est pas une durée ; écrivez par exemple 90s, 10m ou 1h.</translation>
    </message>
</context>
<context>
    <name>Balancier::HistoryPanel</name>
    <message>
        <source>Config versions</source>
        <translation>Versions de la configuration</translation>
    </message>
    <message>
        <source>Changes of the selected version</source>
        <translation>Modifications de la version sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Roll Back to This Version…</source>
        <translation>&amp;Revenir à cette version…</translation>
    </message>
    <message>
        <source>Make the selected version the running config again (shows what changes first)</source>
        <translation>Refaire de la version sélectionnée la configuration en service (montre d’abord ce qui change)</translation>
    </message>
    <message>
        <source>No versions yet: the history starts when a balancer is connected.</source>
        <translation>Aucune version pour l’instant : l’historique commence quand un répartiteur est connecté.</translation>
    </message>
    <message>
        <source>Select a version to see its changes.</source>
        <translation>Sélectionnez une version pour voir ses modifications.</translation>
    </message>
    <message>
        <source>Version %1, %2: %3. The first version seen, so no changes to show.</source>
        <translation>Version %1, %2 : %3. Première version vue, donc aucune modification à afficher.</translation>
    </message>
    <message numerus="yes">
        <source>Version %1, %2: %3. %n change(s) from the version before:</source>
        <translation>
            <numerusform>Version %1, %2 : %3. %n modification par rapport à la version précédente :</numerusform>
            <numerusform>Version %1, %2 : %3. %n modifications par rapport à la version précédente :</numerusform>
        </translation>
    </message>
    <message>
        <source>Ve&amp;rsions of the running config:</source>
        <translation>&amp;Versions de la configuration en service :</translation>
    </message>
</context>
<context>
    <name>Balancier::HostDrainDialog</name>
    <message>
        <source>Drain with Deadline</source>
        <translation>Vider avec échéance</translation>
    </message>
    <message>
        <source>How long the open connections may take, such as 90s, 10m or 1h; empty: the balancer&apos;s drain timeout</source>
        <translation>Le temps laissé aux connexions ouvertes, par exemple 90s, 10m ou 1h ; vide : le délai de vidage du répartiteur</translation>
    </message>
    <message>
        <source>Keep draining</source>
        <translation>Continuer le vidage</translation>
    </message>
    <message>
        <source>Remove the host</source>
        <translation>Supprimer l’hôte</translation>
    </message>
    <message>
        <source>Set to maintenance</source>
        <translation>Mettre en maintenance</translation>
    </message>
    <message>
        <source>%v open</source>
        <translation>%v ouvertes</translation>
    </message>
    <message numerus="yes">
        <source>Drain %n host(s): no new connections; the open ones finish, or are cut at the deadline.</source>
        <translation>
            <numerusform>Vider %n hôte : plus de nouvelles connexions ; les ouvertes se terminent ou sont coupées à l’échéance.</numerusform>
            <numerusform>Vider %n hôtes : plus de nouvelles connexions ; les ouvertes se terminent ou sont coupées à l’échéance.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>É&amp;chéance :</translation>
    </message>
    <message>
        <source>&amp;Then:</source>
        <translation>&amp;Ensuite :</translation>
    </message>
    <message>
        <source>&amp;Start Drain</source>
        <translation>&amp;Démarrer le vidage</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration; write for example 90s, 10m or 1h.</source>
        <translation>« %1 » n’est pas une durée ; écrivez par exemple 90s, 10m ou 1h.</translation>
    </message>
    <message>
        <source>Starting the drain…</source>
        <translation>Démarrage du vidage…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Drained; the host was removed.</source>
        <translation>Vidé ; l’hôte a été supprimé.</translation>
    </message>
    <message>
        <source>Drained: no open connection left.</source>
        <translation>Vidé : plus aucune connexion ouverte.</translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s), %1 left</source>
        <translation>
            <numerusform>%n connexion ouverte, reste %1</numerusform>
            <numerusform>%n connexions ouvertes, reste %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n connexion ouverte</numerusform>
            <numerusform>%n connexions ouvertes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::HostHistoryModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
</context>
<context>
    <name>Balancier::LocalClient</name>
    <message>
        <source>Local balancer: %1</source>
        <translation>Répartiteur local : %1</translation>
    </message>
    <message>
        <source>Cannot run %1:
%2</source>
        <translation>Impossible d’exécuter %1 :
%2</translation>
    </message>
    <message>
        <source>The balancer refused the config:
%1</source>
        <translation>Le répartiteur a refusé la configuration :
%1</translation>
    </message>
    <message>
        <source>The local balancer is not running.</source>
        <translation>Le répartiteur local n’est pas en service.</translation>
    </message>
    <message>
        <source>No host %1 in group %2 of service %3.</source>
        <translation>Aucun hôte %1 dans le groupe %2 du service %3.</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>The running config has changed since the draft was based on it.</source>
        <translation>La configuration en cours a changé depuis que le brouillon s’est fondé sur elle.</translation>
    </message>
    <message>
        <source>Version %1 is not in the config history.</source>
        <translation>La version %1 n’est pas dans l’historique de configuration.</translation>
    </message>
    <message>
        <source>config history version %1</source>
        <translation>version %1 de l’historique de configuration</translation>
    </message>
</context>
<context>
    <name>Balancier::LogView</name>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>All, with debug</source>
        <translation>Tout, avec débogage</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Information et plus</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Sévérité</translation>
    </message>
    <message>
        <source>Filter the log</source>
        <translation>Filtrer le journal</translation>
    </message>
    <message>
        <source>Log filter</source>
        <translation>Filtre du journal</translation>
    </message>
    <message>
        <source>Co&amp;py All</source>
        <translation>Tout co&amp;pier</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Sévérité :</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Affiche&amp;r :</translation>
    </message>
</context>
<context>
    <name>Balancier::MainWindow</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Configuration</source>
        <translation>&amp;Configuration</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totaux</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>Se &amp;connecter…</translation>
    </message>
    <message>
        <source>Connect to a balancer, or run a config in this app</source>
        <translation>Se connecter à un répartiteur, ou exécuter une configuration dans cette application</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Déconnecter</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Filter Hosts</source>
        <translation>&amp;Filtrer les hôtes</translation>
    </message>
    <message>
        <source>Confi&amp;g</source>
        <translation>Confi&amp;guration</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About Balancier</source>
        <translation>À &amp;propos de Balancier</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Vider la liste</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password of %1 at %2:</source>
        <translation>Mot de passe de %1 sur %2 :</translation>
    </message>
    <message>
        <source>Untrusted Certificate</source>
        <translation>Certificat non approuvé</translation>
    </message>
    <message>
        <source>The balancer&apos;s certificate is not trusted:
%1

Subject: %2
Issuer: %3
SHA-256: %4

Trust this certificate for this connection profile? Only do so if you recognise the fingerprint.</source>
        <translation>Le certificat du répartiteur n’est pas approuvé :
%1

Sujet : %2
Émetteur : %3
SHA-256 : %4

Faire confiance à ce certificat pour ce profil de connexion ? Ne le faites que si vous reconnaissez l’empreinte.</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>&amp;Faire confiance</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Not connected. Connect to a running balancierd, or run a config file in this app.</source>
        <translation>Non connecté. Connectez-vous à un balancierd en service, ou exécutez un fichier de configuration dans cette application.</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>%1 Trying again with growing pauses (next within %2 s).</source>
        <translation>%1 Nouvel essai avec des pauses croissantes (prochain dans %2 s au plus).</translation>
    </message>
    <message>
        <source>Retry &amp;Now</source>
        <translation>&amp;Réessayer maintenant</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>Se &amp;reconnecter</translation>
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
            <numerusform>%1 hôte sur %n disponible</numerusform>
            <numerusform>%1 hôtes sur %n disponibles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n connexion ouverte</numerusform>
            <numerusform>%n connexions ouvertes</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1, out %2</source>
        <translation>reçu %1, envoyé %2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>%1[*] — %2 — Balancier</source>
        <translation>%1[*] — %2 — Balancier</translation>
    </message>
    <message>
        <source>About Balancier</source>
        <translation>À propos de Balancier</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Balancier %1&lt;/h3&gt;&lt;p&gt;A TCP load balancer with a live admin API and this desktop console.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Balancier %1&lt;/h3&gt;&lt;p&gt;Un répartiteur de charge TCP avec une API d’administration en direct et cette console de bureau.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>probe</source>
        <translation>test</translation>
    </message>
    <message>
        <source>New &amp;Window</source>
        <translation>Nouvelle &amp;fenêtre</translation>
    </message>
    <message>
        <source>Open another window for another connection</source>
        <translation>Ouvrir une autre fenêtre pour une autre connexion</translation>
    </message>
    <message>
        <source>Every open connection side by side, with its health</source>
        <translation>Toutes les connexions ouvertes côte à côte, avec leur état de santé</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>host %1/%2/%3: %4</source>
        <translation>hôte %1/%2/%3 : %4</translation>
    </message>
    <message>
        <source>host</source>
        <translation>hôte</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>config</source>
        <translation>configuration</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) applied: </source>
        <translation>
            <numerusform>%n modification appliquée : </numerusform>
            <numerusform>%n modifications appliquées : </numerusform>
        </translation>
    </message>
    <message>
        <source>Clos&amp;e Window</source>
        <translation>Fermer la fenê&amp;tre</translation>
    </message>
    <message>
        <source>Flee&amp;t Overview</source>
        <translation>Vue d’ensemble du &amp;parc</translation>
    </message>
    <message>
        <source>Ho&amp;st</source>
        <translation>&amp;Hôte</translation>
    </message>
    <message>
        <source>daemon</source>
        <translation>démon</translation>
    </message>
    <message>
        <source>Co&amp;nnections</source>
        <translation>Co&amp;nnexions</translation>
    </message>
    <message>
        <source>The open connections, why each went to its backend, and the top talkers</source>
        <translation>Les connexions ouvertes, pourquoi chacune est allée à son backend, et les plus gros émetteurs</translation>
    </message>
</context>
<context>
    <name>Balancier::NodeHealth</name>
    <message>
        <source>master</source>
        <translation>maître</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>secours</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>Balancier::PreferencesDialog</name>
    <message>
        <source>Notify when a host goes down or comes back</source>
        <translation>Avertir quand un hôte tombe ou revient</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Valeur du système (%1)</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> par seconde</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>A new language applies when the app starts again.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage de l’application.</translation>
    </message>
    <message>
        <source>Dashboard &amp;updates:</source>
        <translation>&amp;Mises à jour du tableau de bord :</translation>
    </message>
    <message>
        <source>Saved connection profiles</source>
        <translation>Profils de connexion enregistrés</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Forget Certificate</source>
        <translation>&amp;Oublier le certificat</translation>
    </message>
    <message>
        <source>%1 — runs %2</source>
        <translation>%1 — exécute %2</translation>
    </message>
    <message>
        <source>%1 — %2 as %3</source>
        <translation>%1 — %2 en tant que %3</translation>
    </message>
    <message>
        <source>(trusts a certificate)</source>
        <translation>(fait confiance à un certificat)</translation>
    </message>
</context>
<context>
    <name>Balancier::PropertyForm</name>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Admin API</source>
        <translation>API d’administration</translation>
    </message>
    <message>
        <source>Admin user %1</source>
        <translation>Utilisateur admin %1</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Service %1</translation>
    </message>
    <message>
        <source>Listener %1 of service %2</source>
        <translation>Écoute %1 du service %2</translation>
    </message>
    <message>
        <source>Group %1 of service %2</source>
        <translation>Groupe %1 du service %2</translation>
    </message>
    <message>
        <source>Host %1 in group %2</source>
        <translation>Hôte %1 du groupe %2</translation>
    </message>
    <message>
        <source>Select an item to edit it.</source>
        <translation>Sélectionnez un élément pour le modifier.</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
</context>
<context>
    <name>Balancier::RemoteClient</name>
    <message>
        <source>%1 as %2</source>
        <translation>%1 en tant que %2</translation>
    </message>
    <message>
        <source>The server refused user &quot;%1&quot; or its password.</source>
        <translation>Le serveur a refusé l’utilisateur « %1 » ou son mot de passe.</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>Statut HTTP %1</translation>
    </message>
    <message>
        <source>HTTP status %1: %2</source>
        <translation>Statut HTTP %1 : %2</translation>
    </message>
    <message>
        <source>Not saved on the server: %1</source>
        <translation>Non enregistré sur le serveur : %1</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted.</source>
        <translation>Le certificat de %1 n’est pas approuvé.</translation>
    </message>
    <message>
        <source>no data for %1 s</source>
        <translation>aucune donnée depuis %1 s</translation>
    </message>
    <message>
        <source>the server closed the event stream</source>
        <translation>le serveur a fermé le flux d’événements</translation>
    </message>
    <message>
        <source>Connection to %1 lost: %2</source>
        <translation>Connexion à %1 perdue : %2</translation>
    </message>
    <message>
        <source>GET /api/v1/health: HTTP status %1</source>
        <translation>GET /api/v1/health : statut HTTP %1</translation>
    </message>
</context>
<context>
    <name>Balancier::RoutesEditor</name>
    <message>
        <source>Clients that do not speak TLS</source>
        <translation>Clients qui ne parlent pas TLS</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>TLS routes, first match decides; drag to reorder</source>
        <translation>Routes TLS, la première qui correspond décide ; faire glisser pour réordonner</translation>
    </message>
    <message>
        <source>Server names of the selected route</source>
        <translation>Noms de serveur de la route sélectionnée</translation>
    </message>
    <message>
        <source>a.example, *.b.example</source>
        <translation>a.example, *.b.example</translation>
    </message>
    <message>
        <source>ALPN protocols of the selected route</source>
        <translation>Protocoles ALPN de la route sélectionnée</translation>
    </message>
    <message>
        <source>h2, http/1.1</source>
        <translation>h2, http/1.1</translation>
    </message>
    <message>
        <source>Group of the selected route</source>
        <translation>Groupe de la route sélectionnée</translation>
    </message>
    <message>
        <source>Move the route up</source>
        <translation>Monter la route</translation>
    </message>
    <message>
        <source>Move the route down</source>
        <translation>Descendre la route</translation>
    </message>
    <message>
        <source>Server names</source>
        <translation>Noms de serveur</translation>
    </message>
    <message>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Silence of the plain route</source>
        <translation>Silence de la route en clair</translation>
    </message>
    <message>
        <source>1s</source>
        <translation>1s</translation>
    </message>
    <message>
        <source>Plain route only: a client that sends nothing this long (an SSH client waiting for the server&apos;s banner) takes this route. Empty: 1s.</source>
        <translation>Route en clair seulement : un client qui n’envoie rien pendant ce temps (un client SSH qui attend la bannière du serveur) prend cette route. Vide : 1s.</translation>
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
        <translation>Préfixe client</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvertes</translation>
    </message>
    <message>
        <source>New connections</source>
        <translation>Nouvelles connexions</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sortie</translation>
    </message>
</context>
<context>
    <name>Balancier::TimelineStrip</name>
    <message>
        <source>State timeline</source>
        <translation>Chronologie des états</translation>
    </message>
    <message>
        <source>No state changes recorded.</source>
        <translation>Aucun changement d’état enregistré.</translation>
    </message>
    <message numerus="yes">
        <source>%n state change(s); now %1 since %2.</source>
        <translation>
            <numerusform>%n changement d’état ; maintenant %1 depuis %2.</numerusform>
            <numerusform>%n changements d’état ; maintenant %1 depuis %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>No history</source>
        <translation>Aucun historique</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 depuis %2</translation>
    </message>
</context>
<context>
    <name>Balancier::TrafficGraph</name>
    <message>
        <source>idle</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>Traffic graph</source>
        <translation>Graphique du trafic</translation>
    </message>
    <message>
        <source>Select a service, group or host to see its traffic.</source>
        <translation>Sélectionnez un service, un groupe ou un hôte pour voir son trafic.</translation>
    </message>
    <message>
        <source>No traffic recorded yet for %1.</source>
        <translation>Aucun trafic enregistré pour l’instant pour %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 over the last %n minute(s): %2 open connections (peak %3); throughput %4 (peak %5).</source>
        <translation>
            <numerusform>%1 sur la dernière %n minute : %2 connexions ouvertes (pic %3) ; débit %4 (pic %5).</numerusform>
            <numerusform>%1 sur les %n dernières minutes : %2 connexions ouvertes (pic %3) ; débit %4 (pic %5).</numerusform>
        </translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>pic %1</translation>
    </message>
    <message>
        <source>No selection</source>
        <translation>Aucune sélection</translation>
    </message>
    <message>
        <source>Collecting…</source>
        <translation>Collecte…</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>il y a %n minute</numerusform>
            <numerusform>il y a %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
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
        <translation>Balancier : non connecté</translation>
    </message>
    <message>
        <source>Balancier: all hosts up</source>
        <translation>Balancier : tous les hôtes sont disponibles</translation>
    </message>
    <message>
        <source>Balancier: some hosts are down</source>
        <translation>Balancier : des hôtes sont hors service</translation>
    </message>
    <message>
        <source>Balancier: a service has no host up</source>
        <translation>Balancier : un service n’a aucun hôte disponible</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) down</source>
        <translation>
            <numerusform>%n hôte hors service</numerusform>
            <numerusform>%n hôtes hors service</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) back up</source>
        <translation>
            <numerusform>%n hôte de retour</numerusform>
            <numerusform>%n hôtes de retour</numerusform>
        </translation>
    </message>
    <message>
        <source>Balancier: a connection is lost</source>
        <translation>Balancier : une connexion est perdue</translation>
    </message>
    <message numerus="yes">
        <source>Every host down in %n group(s)</source>
        <translation>
            <numerusform>Tous les hôtes hors service dans %n groupe</numerusform>
            <numerusform>Tous les hôtes hors service dans %n groupes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) serving again</source>
        <translation>
            <numerusform>%n groupe de nouveau en service</numerusform>
            <numerusform>%n groupes de nouveau en service</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::WindowManager</name>
    <message>
        <source>Show Balancier</source>
        <translation>Afficher Balancier</translation>
    </message>
    <message>
        <source>Fleet Overview</source>
        <translation>Vue d’ensemble du parc</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>Balancier::XmlSourceEdit</name>
    <message>
        <source>XML source</source>
        <translation>Source XML</translation>
    </message>
</context>
<context>
    <name>ChangeImpact</name>
    <message numerus="yes">
        <source>stops service %1: its listeners close and %n open connection(s) drain</source>
        <translation>
            <numerusform>arrête le service %1 : ses écoutes se ferment et %n connexion ouverte se draine</numerusform>
            <numerusform>arrête le service %1 : ses écoutes se ferment et %n connexions ouvertes se drainent</numerusform>
        </translation>
    </message>
    <message>
        <source>stops accepting connections on %1</source>
        <translation>n’accepte plus de connexions sur %1</translation>
    </message>
    <message>
        <source>starts accepting connections on %1</source>
        <translation>commence à accepter des connexions sur %1</translation>
    </message>
    <message numerus="yes">
        <source>drains group %1 (%n open connection(s))</source>
        <translation>
            <numerusform>draine le groupe %1 (%n connexion ouverte)</numerusform>
            <numerusform>draine le groupe %1 (%n connexions ouvertes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>new connections go to group %1; %n open connection(s) stay on %2</source>
        <translation>
            <numerusform>les nouvelles connexions vont au groupe %1 ; %n connexion ouverte reste sur %2</numerusform>
            <numerusform>les nouvelles connexions vont au groupe %1 ; %n connexions ouvertes restent sur %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>drains host %1 (%n open connection(s))</source>
        <translation>
            <numerusform>draine l’hôte %1 (%n connexion ouverte)</numerusform>
            <numerusform>draine l’hôte %1 (%n connexions ouvertes)</numerusform>
        </translation>
    </message>
    <message>
        <source>host %1 starts taking connections once it is up</source>
        <translation>l’hôte %1 prend des connexions dès qu’il est disponible</translation>
    </message>
    <message numerus="yes">
        <source>takes host %1 out of rotation (%n open connection(s) finish)</source>
        <translation>
            <numerusform>retire l’hôte %1 de la rotation (%n connexion ouverte se termine)</numerusform>
            <numerusform>retire l’hôte %1 de la rotation (%n connexions ouvertes se terminent)</numerusform>
        </translation>
    </message>
    <message>
        <source>host %1 changes state</source>
        <translation>l’hôte %1 change d’état</translation>
    </message>
    <message numerus="yes">
        <source>new connections to %1 go to the new address; %n open connection(s) stay</source>
        <translation>
            <numerusform>les nouvelles connexions vers %1 vont à la nouvelle adresse ; %n connexion ouverte reste</numerusform>
            <numerusform>les nouvelles connexions vers %1 vont à la nouvelle adresse ; %n connexions ouvertes restent</numerusform>
        </translation>
    </message>
    <message>
        <source>shifts the share of new connections of %1</source>
        <translation>modifie la part de nouvelles connexions de %1</translation>
    </message>
    <message>
        <source>user %1 can no longer log in</source>
        <translation>l’utilisateur %1 ne peut plus se connecter</translation>
    </message>
    <message>
        <source>the admin API restarts; this app reconnects</source>
        <translation>l’API d’administration redémarre ; cette application se reconnecte</translation>
    </message>
    <message>
        <source>adds service %1</source>
        <translation>ajoute le service %1</translation>
    </message>
    <message numerus="yes">
        <source>stops service %1 (%n open connection(s))</source>
        <translation>
            <numerusform>arrête le service %1 (%n connexion ouverte)</numerusform>
            <numerusform>arrête le service %1 (%n connexions ouvertes)</numerusform>
        </translation>
    </message>
    <message>
        <source>rebinds listener %1 to %2</source>
        <translation>déplace l’écoute %1 vers %2</translation>
    </message>
    <message>
        <source>opens listener %1</source>
        <translation>ouvre l’écoute %1</translation>
    </message>
    <message>
        <source>adds group %1 to service %2</source>
        <translation>ajoute le groupe %1 au service %2</translation>
    </message>
    <message>
        <source>switches service %1 to group &apos;%2&apos;</source>
        <translation>bascule le service %1 sur le groupe « %2 »</translation>
    </message>
    <message>
        <source>switches group %1 to scheduler %2</source>
        <translation>passe le groupe %1 à l’ordonnanceur %2</translation>
    </message>
    <message>
        <source>changes the health checks of group %1</source>
        <translation>modifie les vérifications de santé du groupe %1</translation>
    </message>
    <message>
        <source>adds host %1</source>
        <translation>ajoute l’hôte %1</translation>
    </message>
    <message>
        <source>takes host %1 out of rotation</source>
        <translation>retire l’hôte %1 de la rotation</translation>
    </message>
    <message>
        <source>puts host %1 back into rotation</source>
        <translation>remet l’hôte %1 en rotation</translation>
    </message>
    <message>
        <source>moves host %1 to %2</source>
        <translation>déplace l’hôte %1 vers %2</translation>
    </message>
    <message>
        <source>sets the weight of host %1 to %2</source>
        <translation>fixe le poids de l’hôte %1 à %2</translation>
    </message>
    <message>
        <source>sets the connection limit of host %1 to %2</source>
        <translation>fixe la limite de connexions de l’hôte %1 à %2</translation>
    </message>
    <message>
        <source>adds admin user %1</source>
        <translation>ajoute l’utilisateur admin %1</translation>
    </message>
    <message>
        <source>removes admin user %1</source>
        <translation>supprime l’utilisateur admin %1</translation>
    </message>
    <message>
        <source>changes admin user %1</source>
        <translation>modifie l’utilisateur admin %1</translation>
    </message>
    <message>
        <source>changes the %1 of service %2</source>
        <translation>modifie « %1 » du service %2</translation>
    </message>
    <message>
        <source>changes the %1 settings</source>
        <translation>modifie les réglages « %1 »</translation>
    </message>
    <message>
        <source>closes listener %1</source>
        <translation>ferme l’écoute %1</translation>
    </message>
    <message>
        <source>; the clients it kept are placed on other hosts</source>
        <translation> ; les clients qu’il gardait sont placés sur d’autres hôtes</translation>
    </message>
    <message>
        <source>new connections are placed by %1; clients lose the host %2 kept for them</source>
        <translation>les nouvelles connexions sont placées par %1 ; les clients perdent l’hôte que %2 leur gardait</translation>
    </message>
    <message>
        <source>new connections are placed by %1; open connections stay</source>
        <translation>les nouvelles connexions sont placées par %1 ; les connexions ouvertes restent</translation>
    </message>
    <message>
        <source>host %1 starts taking connections once it is up; the clients that hash to it move to it</source>
        <translation>l’hôte %1 prend des connexions dès qu’il est disponible ; les clients dont le hachage tombe sur lui passent à lui</translation>
    </message>
    <message>
        <source>host %1 takes new clients once it is up; known clients keep their hosts</source>
        <translation>l’hôte %1 prend de nouveaux clients dès qu’il est disponible ; les clients connus gardent leur hôte</translation>
    </message>
    <message numerus="yes">
        <source>no new connections to host %1; %n open connection(s) finish</source>
        <translation>
            <numerusform>plus de nouvelles connexions vers l’hôte %1 ; %n connexion ouverte se termine</numerusform>
            <numerusform>plus de nouvelles connexions vers l’hôte %1 ; %n connexions ouvertes se terminent</numerusform>
        </translation>
    </message>
    <message>
        <source>host %1 takes new connections again</source>
        <translation>l’hôte %1 reprend de nouvelles connexions</translation>
    </message>
    <message>
        <source>no effect on traffic: %1 ignores weights</source>
        <translation>aucun effet sur le trafic : %1 ignore les poids</translation>
    </message>
    <message>
        <source>host %1 gets a larger share of new connections</source>
        <translation>l’hôte %1 reçoit une plus grande part des nouvelles connexions</translation>
    </message>
    <message>
        <source>host %1 gets a smaller share of new connections</source>
        <translation>l’hôte %1 reçoit une plus petite part des nouvelles connexions</translation>
    </message>
    <message>
        <source>host %1 is given more open connections than before, relative to the others</source>
        <translation>l’hôte %1 reçoit plus de connexions ouvertes qu’avant, par rapport aux autres</translation>
    </message>
    <message>
        <source>host %1 is given fewer open connections than before, relative to the others</source>
        <translation>l’hôte %1 reçoit moins de connexions ouvertes qu’avant, par rapport aux autres</translation>
    </message>
    <message>
        <source>some clients move to host %1 (its part of the hash ring grows)</source>
        <translation>certains clients passent à l’hôte %1 (sa part de l’anneau de hachage augmente)</translation>
    </message>
    <message>
        <source>some clients of host %1 move to other hosts (its part of the hash ring shrinks)</source>
        <translation>certains clients de l’hôte %1 passent à d’autres hôtes (sa part de l’anneau de hachage diminue)</translation>
    </message>
    <message>
        <source>changes the scheduling options of group %1</source>
        <translation>modifie les options d’ordonnancement du groupe %1</translation>
    </message>
    <message>
        <source>the scheduler is rebuilt with the new options; some clients move to another host, open connections stay</source>
        <translation>l’ordonnanceur est reconstruit avec les nouvelles options ; certains clients passent à un autre hôte, les connexions ouvertes restent</translation>
    </message>
    <message>
        <source>the scheduler is rebuilt with the new options; open connections stay</source>
        <translation>l’ordonnanceur est reconstruit avec les nouvelles options ; les connexions ouvertes restent</translation>
    </message>
    <message>
        <source>some clients move to host %1 (its part of the Maglev table grows)</source>
        <translation>certains clients passent à l’hôte %1 (sa part de la table Maglev augmente)</translation>
    </message>
    <message>
        <source>some clients of host %1 move to other hosts (its part of the Maglev table shrinks)</source>
        <translation>certains clients de l’hôte %1 passent à d’autres hôtes (sa part de la table Maglev diminue)</translation>
    </message>
    <message>
        <source>changes the PROXY protocol header sent to the hosts of group %1</source>
        <translation>change l&apos;en-tête du protocole PROXY envoyé aux hôtes du groupe %1</translation>
    </message>
    <message numerus="yes">
        <source>new connections to host %1 start with the new PROXY protocol header; %n open connection(s) stay as they are</source>
        <translation>
            <numerusform>les nouvelles connexions vers l&apos;hôte %1 commencent par le nouvel en-tête du protocole PROXY ; %n connexion ouverte reste telle quelle</numerusform>
            <numerusform>les nouvelles connexions vers l&apos;hôte %1 commencent par le nouvel en-tête du protocole PROXY ; %n connexions ouvertes restent telles quelles</numerusform>
        </translation>
    </message>
    <message>
        <source>new connections to the hosts of group %1 get no PROXY protocol header; open connections stay</source>
        <translation>les nouvelles connexions vers les hôtes du groupe %1 ne reçoivent plus d&apos;en-tête du protocole PROXY ; les connexions ouvertes restent</translation>
    </message>
    <message>
        <source>new connections to the hosts of group %1 start with a PROXY %2 header (a host must expect it); open connections stay</source>
        <translation>les nouvelles connexions vers les hôtes du groupe %1 commencent par un en-tête PROXY %2 (un hôte doit l&apos;attendre) ; les connexions ouvertes restent</translation>
    </message>
    <message>
        <source>the listener keeps its socket; its new PROXY protocol options apply to new connections</source>
        <translation>l&apos;écouteur garde son socket ; ses nouvelles options du protocole PROXY s&apos;appliquent aux nouvelles connexions</translation>
    </message>
    <message>
        <source>lets new clients from %1 into service %2</source>
        <translation>laisse entrer les nouveaux clients de %1 dans le service %2</translation>
    </message>
    <message>
        <source>refuses new clients from %1 at service %2; open connections stay</source>
        <translation>refuse les nouveaux clients de %1 au service %2 ; les connexions ouvertes restent</translation>
    </message>
    <message>
        <source>drops the %1 rule for %2 from service %3&apos;s ACL</source>
        <translation>retire la règle %1 pour %2 de l’ACL du service %3</translation>
    </message>
    <message>
        <source>changes the ACL of service %1; open connections stay</source>
        <translation>modifie l’ACL du service %1 ; les connexions ouvertes restent</translation>
    </message>
    <message>
        <source>changes what group %1 does when a host goes down or a primary comes back</source>
        <translation>change ce que fait le groupe %1 quand un hôte tombe ou qu’un primaire revient</translation>
    </message>
    <message>
        <source>applies at the next health change of a host of group %1; open connections stay</source>
        <translation>s’applique au prochain changement d’état d’un hôte du groupe %1 ; les connexions ouvertes restent</translation>
    </message>
    <message>
        <source>changes how new TLS clients of service %1 are routed; open connections stay</source>
        <translation>change l’aiguillage des nouveaux clients TLS du service %1 ; les connexions ouvertes restent</translation>
    </message>
    <message>
        <source>changes where alert %1 is sent; traffic is not affected</source>
        <translation>change la destination de l’alerte %1 ; le trafic n’est pas affecté</translation>
    </message>
    <message>
        <source>changes the DNS discovery of group %1</source>
        <translation>modifie la découverte DNS du groupe %1</translation>
    </message>
    <message>
        <source>discovery of group %1 starts again with a lookup now; hosts whose record is gone drain, then leave</source>
        <translation>la découverte du groupe %1 repart avec une requête immédiate ; les hôtes dont l’enregistrement a disparu se vident puis partent</translation>
    </message>
    <message>
        <source>the listener keeps its socket; new TLS handshakes use its new TLS settings, open connections keep theirs</source>
        <translation>l’écouteur garde son socket ; les nouvelles négociations TLS utilisent ses nouveaux réglages TLS, les connexions ouvertes gardent les leurs</translation>
    </message>
    <message>
        <source>changes the slow start or agent check of group %1</source>
        <translation>change le démarrage progressif ou le contrôle par agent du groupe %1</translation>
    </message>
</context>
<context>
    <name>ConfigFields</name>
    <message>
        <source>Enter a duration, e.g. 30s.</source>
        <translation>Saisissez une durée, p. ex. 30s.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration: use e.g. 500ms, 30s, 5m, 1h or 1d.</source>
        <translation>« %1 » n’est pas une durée : utilisez p. ex. 500ms, 30s, 5m, 1h ou 1d.</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <translation>Au plus %1.</translation>
    </message>
    <message>
        <source>Not an address (%1): use host:port, e.g. 127.0.0.1:8080 or [::1]:80.</source>
        <translation>Adresse invalide (%1) : utilisez hôte:port, p. ex. 127.0.0.1:8080 ou [::1]:80.</translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>Threads de travail</translation>
    </message>
    <message>
        <source>Proxy threads; 0 means one per CPU core.</source>
        <translation>Threads du proxy ; 0 signifie un par cœur de processeur.</translation>
    </message>
    <message>
        <source>Connection limit</source>
        <translation>Limite de connexions</translation>
    </message>
    <message>
        <source>Most client connections at once; 0 means no limit.</source>
        <translation>Nombre maximal de connexions client simultanées ; 0 signifie aucune limite.</translation>
    </message>
    <message>
        <source>Drain timeout</source>
        <translation>Délai de drainage</translation>
    </message>
    <message>
        <source>How long open connections may finish when the balancer stops.</source>
        <translation>Combien de temps les connexions ouvertes peuvent se terminer quand le répartiteur s’arrête.</translation>
    </message>
    <message>
        <source>Save runtime changes</source>
        <translation>Enregistrer les changements à chaud</translation>
    </message>
    <message>
        <source>Only when asked</source>
        <translation>Seulement sur demande</translation>
    </message>
    <message>
        <source>At once (auto)</source>
        <translation>Immédiatement (auto)</translation>
    </message>
    <message>
        <source>Retry failed hosts after</source>
        <translation>Réessayer les hôtes en échec après</translation>
    </message>
    <message>
        <source>Minimum time before a failed host is tried again.</source>
        <translation>Délai minimal avant de réessayer un hôte en échec.</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Délai de connexion</translation>
    </message>
    <message>
        <source>Default for every service.</source>
        <translation>Valeur par défaut pour chaque service.</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Délai d’inactivité</translation>
    </message>
    <message>
        <source>Default for every service; 0 means none.</source>
        <translation>Valeur par défaut pour chaque service ; 0 signifie aucun.</translation>
    </message>
    <message>
        <source>Probe hosts that are up</source>
        <translation>Sonder les hôtes disponibles</translation>
    </message>
    <message>
        <source>Health checks while a host is up (down hosts are always probed).</source>
        <translation>Vérifications de santé tant qu’un hôte est disponible (les hôtes hors service sont toujours sondés).</translation>
    </message>
    <message>
        <source>Probe interval</source>
        <translation>Intervalle de sondage</translation>
    </message>
    <message>
        <source>Probe timeout</source>
        <translation>Délai de sondage</translation>
    </message>
    <message>
        <source>Successes to come back up</source>
        <translation>Succès pour revenir</translation>
    </message>
    <message>
        <source>Failures to go down</source>
        <translation>Échecs pour tomber</translation>
    </message>
    <message>
        <source>Probe interval while down</source>
        <translation>Intervalle de sondage hors service</translation>
    </message>
    <message>
        <source>Probe interval when all are down</source>
        <translation>Intervalle de sondage quand tous sont hors service</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Niveau de journal</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Débogage</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Fichier journal</translation>
    </message>
    <message>
        <source>Empty: standard error (or the journal).</source>
        <translation>Vide : sortie d’erreur standard (ou le journal).</translation>
    </message>
    <message>
        <source>Log every connection</source>
        <translation>Journaliser chaque connexion</translation>
    </message>
    <message>
        <source>Serve the admin API</source>
        <translation>Servir l’API d’administration</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Écouter sur</translation>
    </message>
    <message>
        <source>Loopback unless TLS is set up (or insecure is allowed).</source>
        <translation>Boucle locale sauf si TLS est configuré (ou l’insécurité autorisée).</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>Certificat TLS (PEM)</translation>
    </message>
    <message>
        <source>TLS key (PEM)</source>
        <translation>Clé TLS (PEM)</translation>
    </message>
    <message>
        <source>Allow plain HTTP on a public address</source>
        <translation>Autoriser le HTTP en clair sur une adresse publique</translation>
    </message>
    <message>
        <source>Metrics without a password</source>
        <translation>Métriques sans mot de passe</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Complet</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>Stored as a PBKDF2 hash; the password itself is never saved.</source>
        <translation>Stocké sous forme de hachage PBKDF2 ; le mot de passe lui-même n’est jamais enregistré.</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Utilisez au moins 8 caractères.</translation>
    </message>
    <message>
        <source>Empty: the default from Settings.</source>
        <translation>Vide : la valeur par défaut des réglages.</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>Enabled group</source>
        <translation>Groupe actif</translation>
    </message>
    <message>
        <source>New connections go to this group&apos;s hosts.</source>
        <translation>Les nouvelles connexions vont aux hôtes de ce groupe.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>*:port for every interface; port 0 lets the system choose.</source>
        <translation>*:port pour toutes les interfaces ; le port 0 laisse le système choisir.</translation>
    </message>
    <message>
        <source>The service already listens there.</source>
        <translation>Le service écoute déjà à cette adresse.</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>Ordonnanceur</translation>
    </message>
    <message>
        <source>Sticky time</source>
        <translation>Durée d’attache</translation>
    </message>
    <message>
        <source>&quot;sticky&quot; scheduler: how long an idle client keeps its host.</source>
        <translation>Ordonnanceur « sticky » : combien de temps un client inactif garde son hôte.</translation>
    </message>
    <message>
        <source>host:port of the backend.</source>
        <translation>hôte:port du serveur en aval.</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Share of new connections; 0 sends none.</source>
        <translation>Part des nouvelles connexions ; 0 n’en envoie aucune.</translation>
    </message>
    <message>
        <source>Most open connections to this host; 0 means no limit.</source>
        <translation>Nombre maximal de connexions ouvertes vers cet hôte ; 0 signifie aucune limite.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>Drainage</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>A user needs a name.</source>
        <translation>Un utilisateur doit avoir un nom.</translation>
    </message>
    <message>
        <source>Another user is already called &quot;%1&quot;.</source>
        <translation>Un autre utilisateur s’appelle déjà « %1 ».</translation>
    </message>
    <message>
        <source>A service needs a name.</source>
        <translation>Un service doit avoir un nom.</translation>
    </message>
    <message>
        <source>Another service is already called &quot;%1&quot;.</source>
        <translation>Un autre service s’appelle déjà « %1 ».</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>Un groupe doit avoir un nom.</translation>
    </message>
    <message>
        <source>Another group is already called &quot;%1&quot;.</source>
        <translation>Un autre groupe s’appelle déjà « %1 ».</translation>
    </message>
    <message>
        <source>A host needs a name.</source>
        <translation>Un hôte doit avoir un nom.</translation>
    </message>
    <message>
        <source>Another host is already called &quot;%1&quot;.</source>
        <translation>Un autre hôte s’appelle déjà « %1 ».</translation>
    </message>
    <message>
        <source>Pair: virtual address</source>
        <translation>Paire : adresse virtuelle</translation>
    </message>
    <message>
        <source>The keepalived pair&apos;s virtual IP: on a local interface, this node is the master.</source>
        <translation>L’IP virtuelle de la paire keepalived : présente sur une interface locale, ce nœud est le maître.</translation>
    </message>
    <message>
        <source>Pair: state file</source>
        <translation>Paire : fichier d’état</translation>
    </message>
    <message>
        <source>Absolute path of the file keepalived&apos;s notify script writes MASTER, BACKUP or FAULT into; it decides the role when readable.</source>
        <translation>Chemin absolu du fichier où le script de notification de keepalived écrit MASTER, BACKUP ou FAULT ; lisible, il décide du rôle.</translation>
    </message>
    <message>
        <source>Health check from any address</source>
        <translation>Contrôle de santé depuis toute adresse</translation>
    </message>
    <message>
        <source>GET /api/v1/health answers clients that are not on loopback too (no password either way).</source>
        <translation>GET /api/v1/health répond aussi aux clients hors boucle locale (sans mot de passe dans tous les cas).</translation>
    </message>
    <message>
        <source>Table size</source>
        <translation>Taille de la table</translation>
    </message>
    <message>
        <source>&quot;maglev&quot; scheduler: entries of the lookup table, a prime number; at least 100 per host for an even spread.</source>
        <translation>Ordonnanceur « maglev » : entrées de la table de correspondance, un nombre premier ; au moins 100 par hôte pour une répartition égale.</translation>
    </message>
    <message>
        <source>Enter a prime number from %1 to %2, such as %3.</source>
        <translation>Saisissez un nombre premier de %1 à %2, par exemple %3.</translation>
    </message>
    <message>
        <source>Balance factor</source>
        <translation>Facteur d’équilibre</translation>
    </message>
    <message>
        <source>&quot;maglev&quot; scheduler: bounded load. A host with more than this factor times its share of the connections is skipped. Empty: no bound.</source>
        <translation>Ordonnanceur « maglev » : charge bornée. Un hôte qui a plus que ce facteur fois sa part des connexions est sauté. Vide : pas de borne.</translation>
    </message>
    <message>
        <source>no bound</source>
        <translation>pas de borne</translation>
    </message>
    <message>
        <source>Enter a number above 1 and at most 100, such as 1.25, or leave it empty.</source>
        <translation>Saisissez un nombre supérieur à 1 et d’au plus 100, par exemple 1.25, ou laissez le champ vide.</translation>
    </message>
    <message>
        <source>Accept PROXY header</source>
        <translation>Accepter l&apos;en-tête PROXY</translation>
    </message>
    <message>
        <source>Clients of this listener are proxies (HAProxy, a cloud load balancer) that send a PROXY protocol header first; its address is then the client&apos;s.</source>
        <translation>Les clients de cet écouteur sont des proxys (HAProxy, un répartiteur de charge dans le cloud) qui envoient d&apos;abord un en-tête du protocole PROXY ; son adresse est alors celle du client.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Version 1 (text)</source>
        <translation>Version 1 (texte)</translation>
    </message>
    <message>
        <source>Version 2 (binary)</source>
        <translation>Version 2 (binaire)</translation>
    </message>
    <message>
        <source>Version 1 or 2</source>
        <translation>Version 1 ou 2</translation>
    </message>
    <message>
        <source>Trusted proxies</source>
        <translation>Proxys de confiance</translation>
    </message>
    <message>
        <source>Addresses or networks allowed to send a PROXY header, comma-separated, e.g. 127.0.0.1, 10.0.0.0/8; anyone else is refused.</source>
        <translation>Adresses ou réseaux autorisés à envoyer un en-tête PROXY, séparés par des virgules, par ex. 127.0.0.1, 10.0.0.0/8 ; tous les autres sont refusés.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address or network: use e.g. 127.0.0.1, 10.0.0.0/8 or 2001:db8::/32.</source>
        <translation>« %1 » n&apos;est ni une adresse ni un réseau : utilisez par ex. 127.0.0.1, 10.0.0.0/8 ou 2001:db8::/32.</translation>
    </message>
    <message>
        <source>PROXY header timeout</source>
        <translation>Délai de l&apos;en-tête PROXY</translation>
    </message>
    <message>
        <source>The whole header must arrive within this; otherwise the connection is closed.</source>
        <translation>L&apos;en-tête entier doit arriver dans ce délai ; sinon la connexion est fermée.</translation>
    </message>
    <message>
        <source>PROXY header</source>
        <translation>En-tête PROXY</translation>
    </message>
    <message>
        <source>Sent to the hosts before the client&apos;s bytes, so that they see the client&apos;s address; a host must expect it (HAProxy&apos;s accept-proxy, nginx&apos;s proxy_protocol).</source>
        <translation>Envoyé aux hôtes avant les octets du client, pour qu&apos;ils voient l&apos;adresse du client ; un hôte doit l&apos;attendre (accept-proxy de HAProxy, proxy_protocol de nginx).</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>What this host gets before the client&apos;s bytes; &quot;As the group&quot; follows the group&apos;s setting.</source>
        <translation>Ce que cet hôte reçoit avant les octets du client ; « Comme le groupe » suit le réglage du groupe.</translation>
    </message>
    <message>
        <source>As the group</source>
        <translation>Comme le groupe</translation>
    </message>
    <message>
        <source>The connection log: one record per finished connection (docs/connection-log.md).</source>
        <translation>Le journal des connexions : un enregistrement par connexion terminée (docs/connection-log.md).</translation>
    </message>
    <message>
        <source>Connection log format</source>
        <translation>Format du journal des connexions</translation>
    </message>
    <message>
        <source>Text (key=value)</source>
        <translation>Texte (clé=valeur)</translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation>Lignes JSON</translation>
    </message>
    <message>
        <source>Connection log destination</source>
        <translation>Destination du journal des connexions</translation>
    </message>
    <message>
        <source>The balancer&apos;s log</source>
        <translation>Le journal du répartiteur</translation>
    </message>
    <message>
        <source>Syslog</source>
        <translation>Syslog</translation>
    </message>
    <message>
        <source>Syslog socket</source>
        <translation>Socket syslog</translation>
    </message>
    <message>
        <source>The UNIX datagram socket of the syslog daemon, for the syslog destination.</source>
        <translation>Le socket datagramme UNIX du démon syslog, pour la destination syslog.</translation>
    </message>
    <message>
        <source>Interim records every</source>
        <translation>Enregistrements intermédiaires toutes les</translation>
    </message>
    <message>
        <source>A record for connections still open, this often; 0: none.</source>
        <translation>Un enregistrement pour les connexions encore ouvertes, à cet intervalle ; 0 : aucun.</translation>
    </message>
    <message>
        <source>Log at connect</source>
        <translation>Journaliser à la connexion</translation>
    </message>
    <message>
        <source>A record also when the backend accepts, not only when the connection ends.</source>
        <translation>Un enregistrement aussi quand le backend accepte, pas seulement à la fin de la connexion.</translation>
    </message>
    <message>
        <source>Access control</source>
        <translation>Contrôle d’accès</translation>
    </message>
    <message>
        <source>Accept or refuse clients by address; the first matching rule decides.</source>
        <translation>Accepter ou refuser les clients selon leur adresse ; la première règle qui correspond décide.</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>What happens to a client that no rule matches.</source>
        <translation>Ce qui arrive à un client qu’aucune règle ne concerne.</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>autoriser</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>refuser</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>In order: the first rule whose addresses hold the client&apos;s decides.</source>
        <translation>Dans l’ordre : la première règle dont les adresses contiennent celle du client décide.</translation>
    </message>
    <message>
        <source>Rule %1 has no address.</source>
        <translation>La règle %1 n’a pas d’adresse.</translation>
    </message>
    <message>
        <source>Rule %1: &quot;%2&quot; is not an address or prefix such as 10.0.0.0/8.</source>
        <translation>Règle %1 : « %2 » n’est ni une adresse ni un préfixe comme 10.0.0.0/8.</translation>
    </message>
    <message>
        <source>Per-source limits</source>
        <translation>Limites par source</translation>
    </message>
    <message>
        <source>Limit the connections each client address (or prefix) may open.</source>
        <translation>Limiter les connexions que chaque adresse client (ou préfixe) peut ouvrir.</translation>
    </message>
    <message>
        <source>New connections per source</source>
        <translation>Nouvelles connexions par source</translation>
    </message>
    <message>
        <source>A rate such as 10/s or 600/m; empty: no rate limit.</source>
        <translation>Un débit comme 10/s ou 600/m ; vide : pas de limite de débit.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Expected a rate such as 10/s or 600/m.</source>
        <translation>Un débit comme 10/s ou 600/m est attendu.</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Dry run refuses nothing: it counts and logs what enforcing would refuse.</source>
        <translation>L’essai ne refuse rien : il compte et journalise ce que l’application refuserait.</translation>
    </message>
    <message>
        <source>enforce</source>
        <translation>appliquer</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>essai</translation>
    </message>
    <message>
        <source>Open connections per source</source>
        <translation>Connexions ouvertes par source</translation>
    </message>
    <message>
        <source>0: no limit on open connections.</source>
        <translation>0 : pas de limite de connexions ouvertes.</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Rafale</translation>
    </message>
    <message>
        <source>Connections a quiet source may open at once; 0: the rate&apos;s number.</source>
        <translation>Connexions qu’une source calme peut ouvrir d’un coup ; 0 : le nombre du débit.</translation>
    </message>
    <message>
        <source>IPv4 prefix</source>
        <translation>Préfixe IPv4</translation>
    </message>
    <message>
        <source>Bits of an IPv4 address that name a source: 32 each address, 24 a /24.</source>
        <translation>Bits d’une adresse IPv4 qui désignent une source : 32 chaque adresse, 24 un /24.</translation>
    </message>
    <message>
        <source>IPv6 prefix</source>
        <translation>Préfixe IPv6</translation>
    </message>
    <message>
        <source>Bits of an IPv6 address that name a source: 64 a /64.</source>
        <translation>Bits d’une adresse IPv6 qui désignent une source : 64 un /64.</translation>
    </message>
    <message>
        <source>Tracked sources</source>
        <translation>Sources suivies</translation>
    </message>
    <message>
        <source>At most this many sources are remembered; the least recently seen go first.</source>
        <translation>Au plus ce nombre de sources est retenu ; les moins récemment vues partent en premier.</translation>
    </message>
    <message>
        <source>TLS routes</source>
        <translation>Routes TLS</translation>
    </message>
    <message>
        <source>In order: the first route whose server names and ALPN protocols match the client&apos;s TLS hello decides; none does: the enabled group. Drag a route to move it.</source>
        <translation>Dans l’ordre : la première route dont les noms de serveur et les protocoles ALPN correspondent au hello TLS du client décide ; aucune : le groupe actif. Faites glisser une route pour la déplacer.</translation>
    </message>
    <message>
        <source>Route %1: %2</source>
        <translation>Route %1 : %2</translation>
    </message>
    <message>
        <source>Peek timeout</source>
        <translation>Délai du hello TLS</translation>
    </message>
    <message>
        <source>With TLS routes: the whole TLS hello must arrive within this.</source>
        <translation>Avec des routes TLS : le hello TLS entier doit arriver dans ce délai.</translation>
    </message>
    <message>
        <source>Peek size (bytes)</source>
        <translation>Taille du hello TLS (octets)</translation>
    </message>
    <message>
        <source>With TLS routes: the largest TLS hello read.</source>
        <translation>Avec des routes TLS : le plus grand hello TLS lu.</translation>
    </message>
    <message>
        <source>DNS SRV discovery</source>
        <translation>Découverte DNS SRV</translation>
    </message>
    <message>
        <source>Take hosts from this DNS SRV record, kept in step with it (Consul, Kubernetes); empty: none. Discovered hosts are not saved in the file.</source>
        <translation>Prendre les hôtes de cet enregistrement DNS SRV et les tenir à jour (Consul, Kubernetes) ; vide : aucun. Les hôtes découverts ne sont pas enregistrés dans le fichier.</translation>
    </message>
    <message>
        <source>_http._tcp.web.example.org</source>
        <translation>_http._tcp.web.example.org</translation>
    </message>
    <message>
        <source>Enter a DNS name such as _http._tcp.web.example.org, or leave it empty.</source>
        <translation>Saisissez un nom DNS comme _http._tcp.web.example.org, ou laissez vide.</translation>
    </message>
    <message>
        <source>Discovery interval</source>
        <translation>Intervalle de découverte</translation>
    </message>
    <message>
        <source>Longest wait between two SRV lookups; a shorter TTL wins, down to 1 s.</source>
        <translation>Attente maximale entre deux requêtes SRV ; un TTL plus court l’emporte, jusqu’à 1 s.</translation>
    </message>
    <message>
        <source>Enter a duration from %1 to %2.</source>
        <translation>Saisissez une durée de %1 à %2.</translation>
    </message>
    <message>
        <source>Name resolution</source>
        <translation>Résolution de nom</translation>
    </message>
    <message>
        <source>For an address that is a DNS name: connect to its first address, or make each of its addresses a host of its own (discovered, not saved).</source>
        <translation>Pour une adresse qui est un nom DNS : se connecter à sa première adresse, ou faire de chacune de ses adresses un hôte (découvert, non enregistré).</translation>
    </message>
    <message>
        <source>First address</source>
        <translation>Première adresse</translation>
    </message>
    <message>
        <source>Every address a host</source>
        <translation>Chaque adresse un hôte</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Terminate TLS here: clients speak TLS to this listener and the backends get plain TCP. Needs a certificate and its key.</source>
        <translation>Terminer TLS ici : les clients parlent TLS à cet écouteur et les serveurs reçoivent du TCP simple. Nécessite un certificat et sa clé.</translation>
    </message>
    <message>
        <source>No (plain TCP)</source>
        <translation>Non (TCP simple)</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Fichier du certificat</translation>
    </message>
    <message>
        <source>PEM certificate, with its chain after it; a relative path is next to the config file. Reloaded when the file changes.</source>
        <translation>Certificat PEM, suivi de sa chaîne ; un chemin relatif est à côté du fichier de configuration. Rechargé quand le fichier change.</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Fichier de la clé</translation>
    </message>
    <message>
        <source>PEM private key of the certificate, without a passphrase.</source>
        <translation>Clé privée PEM du certificat, sans phrase de passe.</translation>
    </message>
    <message>
        <source>Minimum TLS version</source>
        <translation>Version TLS minimale</translation>
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
        <translation>Protocoles ALPN</translation>
    </message>
    <message>
        <source>Protocols offered to clients, in order of preference, comma-separated, e.g. h2, http/1.1.</source>
        <translation>Protocoles proposés aux clients, par ordre de préférence, séparés par des virgules, p. ex. h2, http/1.1.</translation>
    </message>
    <message>
        <source>Client CA file</source>
        <translation>Fichier des AC clientes</translation>
    </message>
    <message>
        <source>PEM certificates of the authorities that sign client certificates; when set, a client without a valid certificate is refused.</source>
        <translation>Certificats PEM des autorités qui signent les certificats clients ; s’il est défini, un client sans certificat valide est refusé.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration: use e.g. 30s or 2m; 0 for none.</source>
        <translation>« %1 » n’est pas une durée : par ex. 30s ou 2m ; 0 pour aucun.</translation>
    </message>
    <message>
        <source>Enter a duration from %1 to %2, e.g. 2s.</source>
        <translation>Saisissez une durée de %1 à %2, par ex. 2s.</translation>
    </message>
    <message>
        <source>Enter a port from 1 to 65535, or 0 for no agent.</source>
        <translation>Saisissez un port de 1 à 65535, ou 0 pour aucun agent.</translation>
    </message>
    <message>
        <source>Slow start</source>
        <translation>Démarrage progressif</translation>
    </message>
    <message>
        <source>A host that comes back (health up, back to ready, added) gets its weight over this time, from almost nothing; 0 for none.</source>
        <translation>Un hôte qui revient (de nouveau en service, de nouveau prêt, ajouté) reçoit son poids sur cette durée, en partant de presque rien ; 0 pour aucun.</translation>
    </message>
    <message>
        <source>Agent port</source>
        <translation>Port de l’agent</translation>
    </message>
    <message>
        <source>Port of the agent on each host (HAProxy&apos;s agent check): it answers a line that may change the host&apos;s weight, limit, state or health; 0 for none.</source>
        <translation>Port de l’agent sur chaque hôte (agent-check de HAProxy) : il répond une ligne qui peut changer le poids, la limite, l’état ou la santé de l’hôte ; 0 pour aucun.</translation>
    </message>
    <message>
        <source>Agent interval</source>
        <translation>Intervalle de l’agent</translation>
    </message>
    <message>
        <source>How often each agent is asked; also how long it has to answer.</source>
        <translation>La fréquence à laquelle chaque agent est interrogé ; aussi le temps qu’il a pour répondre.</translation>
    </message>
    <message>
        <source>Agent request</source>
        <translation>Requête à l’agent</translation>
    </message>
    <message>
        <source>Sent to the agent after connecting, with \n for a line end; empty: nothing.</source>
        <translation>Envoyé à l’agent après la connexion, avec \n pour une fin de ligne ; vide : rien.</translation>
    </message>
    <message>
        <source>as the group</source>
        <translation>comme le groupe</translation>
    </message>
    <message>
        <source>This host&apos;s own slow start; empty: the group&apos;s.</source>
        <translation>Démarrage progressif propre à cet hôte ; vide : celui du groupe.</translation>
    </message>
    <message>
        <source>This host&apos;s agent port; 0: no agent; empty: the group&apos;s.</source>
        <translation>Port de l’agent de cet hôte ; 0 : aucun agent ; vide : celui du groupe.</translation>
    </message>
    <message>
        <source>How often this host&apos;s agent is asked; empty: the group&apos;s.</source>
        <translation>Fréquence d’interrogation de l’agent de cet hôte ; vide : celle du groupe.</translation>
    </message>
    <message>
        <source>Sent to this host&apos;s agent, with \n for a line end; empty: the group&apos;s.</source>
        <translation>Envoyé à l’agent de cet hôte, avec \n pour une fin de ligne ; vide : celui du groupe.</translation>
    </message>
    <message>
        <source>When a host goes down</source>
        <translation>Quand un hôte tombe</translation>
    </message>
    <message>
        <source>What happens to the open connections of a host that the health checks mark down: they stay until they end, or they are cut at once so that clients reconnect to a working host.</source>
        <translation>Ce que deviennent les connexions ouvertes d’un hôte que les contrôles de santé déclarent hors service : elles restent jusqu’à leur fin, ou elles sont coupées aussitôt pour que les clients se reconnectent à un hôte qui fonctionne.</translation>
    </message>
    <message>
        <source>Keep its connections</source>
        <translation>Garder ses connexions</translation>
    </message>
    <message>
        <source>Cut its connections</source>
        <translation>Couper ses connexions</translation>
    </message>
    <message>
        <source>When a primary host is back</source>
        <translation>Quand un hôte principal revient</translation>
    </message>
    <message>
        <source>What happens to the backup hosts&apos; open connections when a primary host comes back up: they stay (new connections go to the primary), or they are cut.</source>
        <translation>Ce que deviennent les connexions ouvertes des hôtes de secours quand un hôte principal revient : elles restent (les nouvelles connexions vont au principal), ou elles sont coupées.</translation>
    </message>
    <message>
        <source>Keep backup connections</source>
        <translation>Garder les connexions de secours</translation>
    </message>
    <message>
        <source>Cut backup connections</source>
        <translation>Couper les connexions de secours</translation>
    </message>
    <message>
        <source>Use every backup host</source>
        <translation>Utiliser tous les hôtes de secours</translation>
    </message>
    <message>
        <source>While no primary host is up: every backup host takes connections, not only the first one that is up.</source>
        <translation>Tant qu’aucun hôte principal n’est en service : chaque hôte de secours prend des connexions, pas seulement le premier en service.</translation>
    </message>
    <message>
        <source>DNS server</source>
        <translation>Serveur DNS</translation>
    </message>
    <message>
        <source>The name server asked for host names and SRV records (discovery); an IP address with an optional port. Empty: the system&apos;s resolver.</source>
        <translation>Le serveur de noms interrogé pour les noms d’hôte et les enregistrements SRV (découverte) ; une adresse IP avec un port facultatif. Vide : le résolveur du système.</translation>
    </message>
    <message>
        <source>system resolver</source>
        <translation>résolveur du système</translation>
    </message>
    <message>
        <source>Not a name server address (%1): use an IP address with an optional port, e.g. 192.0.2.53 or [2001:db8::53]:5353, or leave it empty.</source>
        <translation>Pas une adresse de serveur de noms (%1) : utilisez une adresse IP avec un port facultatif, p. ex. 192.0.2.53 ou [2001:db8::53]:5353, ou laissez le champ vide.</translation>
    </message>
    <message>
        <source>DNS refresh interval</source>
        <translation>Intervalle de rafraîchissement DNS</translation>
    </message>
    <message>
        <source>Longest wait before a host name is looked up again; a shorter TTL wins.</source>
        <translation>Attente maximale avant qu’un nom d’hôte soit de nouveau résolu ; un TTL plus court l’emporte.</translation>
    </message>
    <message>
        <source>Alert %1, %2: %3</source>
        <translation>Alerte %1, %2 : %3</translation>
    </message>
    <message>
        <source>Alert %1: %2</source>
        <translation>Alerte %1 : %2</translation>
    </message>
    <message>
        <source>An alert could not be read.</source>
        <translation>Une alerte n’a pas pu être lue.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Who is told when a host or group changes state, a config is applied or a certificate nears its expiry: each alert a webhook (POST of a JSON event) or a program, with its own filter, queue, rate limit and retries (docs/alerts.md).</source>
        <translation>Qui est prévenu quand un hôte ou un groupe change d’état, qu’une configuration est appliquée ou qu’un certificat approche de son expiration : chaque alerte est un webhook (POST d’un événement JSON) ou un programme, avec son propre filtre, sa file, sa limite de débit et ses nouvelles tentatives (docs/alerts.md).</translation>
    </message>
    <message>
        <source>Route %1: &quot;%2&quot; is not a duration: use e.g. 500ms or 2s.</source>
        <translation>Route %1 : « %2 » n’est pas une durée : utilisez p. ex. 500ms ou 2s.</translation>
    </message>
    <message>
        <source>Backup host</source>
        <translation>Hôte de secours</translation>
    </message>
    <message>
        <source>Takes connections only while no primary (non-backup) host of the group is up.</source>
        <translation>Ne prend des connexions que tant qu’aucun hôte principal (non de secours) du groupe n’est en service.</translation>
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
        <translation>%1 j</translation>
    </message>
</context>
<context>
    <name>StateStyle</name>
    <message>
        <source>up</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>down</source>
        <translation>hors service</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>en drainage</translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation>maintenance</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Balancier desktop console: watch and steer a balancer, edit its config.</source>
        <translation>Console de bureau Balancier : surveiller et piloter un répartiteur, modifier sa configuration.</translation>
    </message>
    <message>
        <source>A config file to open in the editor.</source>
        <translation>Un fichier de configuration à ouvrir dans l’éditeur.</translation>
    </message>
    <message>
        <source>The admin user for --connect.</source>
        <translation>L’utilisateur admin pour --connect.</translation>
    </message>
    <message>
        <source>Read the password for --connect from the first line of FILE.</source>
        <translation>Lire le mot de passe pour --connect dans la première ligne de FILE.</translation>
    </message>
    <message>
        <source>Use LANGUAGE (en, de, fr, es) instead of the preference.</source>
        <translation>Utiliser LANGUAGE (en, de, fr, es) au lieu de la préférence.</translation>
    </message>
    <message>
        <source>Select SERVICE/GROUP/HOST on the dashboard once it shows.</source>
        <translation>Sélectionner SERVICE/GROUP/HOST dans le tableau de bord dès qu’il apparaît.</translation>
    </message>
    <message>
        <source>Select the host SERVICE/GROUP/HOST in the editor.</source>
        <translation>Sélectionner l’hôte SERVICE/GROUP/HOST dans l’éditeur.</translation>
    </message>
    <message>
        <source>Use the system&apos;s colours, or a light or dark palette (system, light, dark).</source>
        <translation>Utiliser les couleurs du système, ou une palette claire ou sombre (system, light, dark).</translation>
    </message>
    <message>
        <source>Run the config FILE in this app and show it on the dashboard (in a second window with --connect).</source>
        <translation>Exécuter la configuration FILE dans cette application et l’afficher dans le tableau de bord (dans une deuxième fenêtre avec --connect).</translation>
    </message>
    <message>
        <source>Show PAGE first: dashboard, connections, editor or log.</source>
        <translation>Afficher d’abord PAGE : dashboard, connections, editor ou log.</translation>
    </message>
    <message>
        <source>Also show the fleet overview.</source>
        <translation>Afficher aussi la vue d’ensemble du parc.</translation>
    </message>
    <message>
        <source>Connect to the admin API at URL (e.g. %1).</source>
        <translation>Se connecter à l’API d’administration à l’URL (p. ex. %1).</translation>
    </message>
</context>
</TS>
