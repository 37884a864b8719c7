<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Balancier::AclRulesEditor</name>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>ACL rules, first match decides</source>
        <translation>Reglas de la ACL, decide la primera que coincide</translation>
    </message>
    <message>
        <source>Action of the selected rule</source>
        <translation>Acción de la regla elegida</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>permitir</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>denegar</translation>
    </message>
    <message>
        <source>Addresses of the selected rule</source>
        <translation>Direcciones de la regla elegida</translation>
    </message>
    <message>
        <source>10.0.0.0/8, 2001:db8::/32</source>
        <translation>10.0.0.0/8, 2001:db8::/32</translation>
    </message>
    <message>
        <source>Move the rule up</source>
        <translation>Subir la regla</translation>
    </message>
    <message>
        <source>Move the rule down</source>
        <translation>Bajar la regla</translation>
    </message>
</context>
<context>
    <name>Balancier::AddressProbe</name>
    <message>
        <source>no answer within the time limit</source>
        <translation>sin respuesta dentro del plazo</translation>
    </message>
    <message>
        <source>not a single address</source>
        <translation>no es una única dirección</translation>
    </message>
    <message>
        <source>%1 (%2): connected in %3 ms</source>
        <translation>%1 (%2): conectado en %3 ms</translation>
    </message>
    <message>
        <source>%1 (%2): failed: %3</source>
        <translation>%1 (%2): falló: %3</translation>
    </message>
</context>
<context>
    <name>Balancier::AlertsEditor</name>
    <message>
        <source>exec %1</source>
        <translation>programa %1</translation>
    </message>
    <message>
        <source>webhook %1</source>
        <translation>webhook %1</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>todos los eventos</translation>
    </message>
    <message>
        <source>Add webhook</source>
        <translation>Añadir webhook</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Alerts, each a webhook or a program</source>
        <translation>Alertas, cada una un webhook o un programa</translation>
    </message>
    <message>
        <source>Move the alert up</source>
        <translation>Subir la alerta</translation>
    </message>
    <message>
        <source>Move the alert down</source>
        <translation>Bajar la alerta</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>URL del webhook</translation>
    </message>
    <message>
        <source>An http:// or https:// address each event is POSTed to as JSON; empty for a program.</source>
        <translation>Una dirección http:// o https:// a la que se envía cada evento como JSON (POST); vacía para un programa.</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Absolute path of a program run for each event, with the event in BALANCIER_EVENT_* variables; empty for a webhook.</source>
        <translation>Ruta absoluta de un programa que se ejecuta para cada evento, con el evento en las variables BALANCIER_EVENT_*; vacía para un webhook.</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Config applied</source>
        <translation>Configuración aplicada</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificados</translation>
    </message>
    <message>
        <source>Events of this kind are sent (events=&quot;...&quot;); at least one kind.</source>
        <translation>Se envían los eventos de este tipo (events=&quot;...&quot;); al menos un tipo.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Only services</source>
        <translation>Solo servicios</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todos</translation>
    </message>
    <message>
        <source>Comma-separated: only the events of these services; empty: every service.</source>
        <translation>Separados por comas: solo los eventos de estos servicios; vacío: todos los servicios.</translation>
    </message>
    <message>
        <source>Only groups</source>
        <translation>Solo grupos</translation>
    </message>
    <message>
        <source>Comma-separated: only the events of these groups; empty: every group.</source>
        <translation>Separados por comas: solo los eventos de estos grupos; vacío: todos los grupos.</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Tiempo límite</translation>
    </message>
    <message>
        <source>One attempt (request or program run) at most this long.</source>
        <translation>Un intento (petición o ejecución del programa) dura como mucho esto.</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Reintentos</translation>
    </message>
    <message>
        <source>Further attempts after a failed one.</source>
        <translation>Intentos adicionales tras uno fallido.</translation>
    </message>
    <message>
        <source>Backoff</source>
        <translation>Espera</translation>
    </message>
    <message>
        <source>The wait before the first retry; doubled for each next one.</source>
        <translation>La espera antes del primer reintento; se duplica en cada uno siguiente.</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Límite de tasa</translation>
    </message>
    <message>
        <source>At most this many deliveries per second, minute or hour (60/m); more wait in the queue.</source>
        <translation>Como mucho tantas entregas por segundo, minuto u hora (60/m); las demás esperan en la cola.</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Events waiting for their turn at most; more are dropped and counted.</source>
        <translation>Como mucho tantos eventos esperando su turno; los demás se descartan y se cuentan.</translation>
    </message>
    <message>
        <source>JSON event</source>
        <translation>Evento JSON</translation>
    </message>
    <message>
        <source>Slack / Teams text</source>
        <translation>Texto de Slack / Teams</translation>
    </message>
    <message>
        <source>A webhook&apos;s body: the event as JSON, or {&quot;text&quot;: ...} for Slack and Microsoft Teams incoming webhooks.</source>
        <translation>El cuerpo de un webhook: el evento como JSON, o {&quot;text&quot;: ...} para los webhooks entrantes de Slack y Microsoft Teams.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
</context>
<context>
    <name>Balancier::ApplyDialog</name>
    <message>
        <source>Apply to Running Balancer</source>
        <translation>Aplicar al balanceador en ejecución</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Impacto</translation>
    </message>
    <message>
        <source>Changes to apply</source>
        <translation>Cambios que aplicar</translation>
    </message>
    <message numerus="yes">
        <source>%n of them affect(s) live traffic (in bold).</source>
        <translation>
            <numerusform>%n de ellos afecta al tráfico en curso (en negrita).</numerusform>
            <numerusform>%n de ellos afectan al tráfico en curso (en negrita).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Aplicar</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) will be applied to %1, live, without a restart.</source>
        <translation>
            <numerusform>Se aplicará %n cambio a %1, en caliente, sin reiniciar.</numerusform>
            <numerusform>Se aplicarán %n cambios a %1, en caliente, sin reiniciar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::BalancerClient</name>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconectando</translation>
    </message>
    <message>
        <source>This balancer does not list its connections.</source>
        <translation>Este balanceador no lista sus conexiones.</translation>
    </message>
    <message>
        <source>This balancer keeps no config history.</source>
        <translation>Este balanceador no guarda historial de configuración.</translation>
    </message>
</context>
<context>
    <name>Balancier::ChangeText</name>
    <message>
        <source>service %1: group %2</source>
        <translation>servicio %1: grupo %2</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>servicio %1</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>grupo %1</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>contraseña cambiada</translation>
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
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>service %1 added</source>
        <translation>servicio %1 añadido</translation>
    </message>
    <message>
        <source>service %1 removed</source>
        <translation>servicio %1 eliminado</translation>
    </message>
    <message>
        <source>%1: listener %2 added</source>
        <translation>%1: escucha %2 añadida</translation>
    </message>
    <message>
        <source>%1: listener %2 removed</source>
        <translation>%1: escucha %2 eliminada</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 añadido</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 eliminado</translation>
    </message>
    <message>
        <source>%1: enabled group %2 -&gt; %3</source>
        <translation>%1: grupo activo %2 -&gt; %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: health: %2</source>
        <translation>%1: comprobación de salud: %2</translation>
    </message>
    <message>
        <source>%1: host %2 added (%3)</source>
        <translation>%1: host %2 añadido (%3)</translation>
    </message>
    <message>
        <source>%1: host %2 removed</source>
        <translation>%1: host %2 eliminado</translation>
    </message>
    <message>
        <source>%1: host %2: %3</source>
        <translation>%1: host %2: %3</translation>
    </message>
    <message>
        <source>admin: user %1 added (%2)</source>
        <translation>admin: usuario %1 añadido (%2)</translation>
    </message>
    <message>
        <source>admin: user %1 removed</source>
        <translation>admin: usuario %1 eliminado</translation>
    </message>
    <message>
        <source>admin: user %1: %2</source>
        <translation>admin: usuario %1: %2</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>default health: %1</source>
        <translation>comprobación de salud predeterminada: %1</translation>
    </message>
    <message>
        <source>default timeouts: %1</source>
        <translation>tiempos de espera predeterminados: %1</translation>
    </message>
    <message>
        <source>added</source>
        <translation>añadido</translation>
    </message>
    <message>
        <source>administrative change</source>
        <translation>cambio administrativo</translation>
    </message>
    <message>
        <source>address changed from %1 to %2</source>
        <translation>dirección cambiada de %1 a %2</translation>
    </message>
    <message>
        <source>removed from the config</source>
        <translation>eliminado de la configuración</translation>
    </message>
    <message>
        <source>its group was removed</source>
        <translation>su grupo fue eliminado</translation>
    </message>
    <message>
        <source>its service was removed</source>
        <translation>su servicio fue eliminado</translation>
    </message>
    <message>
        <source>connect failed</source>
        <translation>falló la conexión</translation>
    </message>
    <message>
        <source>connect failed: %1</source>
        <translation>falló la conexión: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n consecutive probe(s) failed: %1</source>
        <translation>
            <numerusform>%n sondeo fallido: %1</numerusform>
            <numerusform>%n sondeos consecutivos fallidos: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consecutive probe(s) succeeded</source>
        <translation>
            <numerusform>%n sondeo correcto</numerusform>
            <numerusform>%n sondeos consecutivos correctos</numerusform>
        </translation>
    </message>
    <message>
        <source>answered while every host of group &apos;%1&apos; was down</source>
        <translation>respondió mientras todos los hosts del grupo «%1» estaban caídos</translation>
    </message>
    <message numerus="yes">
        <source>drain timeout %1 passed: %n open connection(s) cut</source>
        <translation>
            <numerusform>tiempo de drenaje %1 agotado: %n conexión abierta cortada</numerusform>
            <numerusform>tiempo de drenaje %1 agotado: %n conexiones abiertas cortadas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: PROXY protocol header sent to the hosts: %2 -&gt; %3</source>
        <translation>%1: cabecera del protocolo PROXY enviada a los hosts: %2 -&gt; %3</translation>
    </message>
    <message>
        <source>logging: %1</source>
        <translation>registro: %1</translation>
    </message>
    <message>
        <source>%1 %2 added to service %3&apos;s ACL</source>
        <translation>%1 %2 añadido a la ACL del servicio %3</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>permitir</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>denegar</translation>
    </message>
    <message>
        <source>%1 %2 removed from service %3&apos;s ACL</source>
        <translation>%1 %2 quitado de la ACL del servicio %3</translation>
    </message>
    <message>
        <source>%1: ACL: %2</source>
        <translation>%1: ACL: %2</translation>
    </message>
    <message>
        <source>%1: backups and host failure: %2</source>
        <translation>%1: respaldos y caída de host: %2</translation>
    </message>
    <message numerus="yes">
        <source>drain deadline passed: %n open connection(s) cut</source>
        <translation>
            <numerusform>plazo de vaciado vencido: %n conexión abierta cortada</numerusform>
            <numerusform>plazo de vaciado vencido: %n conexiones abiertas cortadas</numerusform>
        </translation>
    </message>
    <message>
        <source>for clients that do not speak TLS</source>
        <translation>para los clientes que no hablan TLS</translation>
    </message>
    <message>
        <source>%1: TLS route %2 to group %3 added</source>
        <translation>%1: ruta TLS %2 al grupo %3 añadida</translation>
    </message>
    <message>
        <source>%1: TLS route %2 to group %3 removed</source>
        <translation>%1: ruta TLS %2 al grupo %3 eliminada</translation>
    </message>
    <message>
        <source>%1: TLS route %2: %3</source>
        <translation>%1: ruta TLS %2: %3</translation>
    </message>
    <message>
        <source>%1: TLS routes: %2</source>
        <translation>%1: rutas TLS: %2</translation>
    </message>
    <message>
        <source>alert %1 added (%2)</source>
        <translation>alerta %1 añadida (%2)</translation>
    </message>
    <message>
        <source>alert %1 removed (%2)</source>
        <translation>alerta %1 eliminada (%2)</translation>
    </message>
    <message>
        <source>alert %1: %2</source>
        <translation>alerta %1: %2</translation>
    </message>
    <message>
        <source>%1: hosts discovered from the DNS SRV record %2</source>
        <translation>%1: hosts descubiertos del registro DNS SRV %2</translation>
    </message>
    <message>
        <source>%1: DNS discovery from %2 stops; its hosts leave</source>
        <translation>%1: el descubrimiento DNS desde %2 se detiene; sus hosts salen</translation>
    </message>
    <message>
        <source>%1: DNS discovery: %2</source>
        <translation>%1: descubrimiento DNS: %2</translation>
    </message>
    <message>
        <source>discovered by DNS (%1)</source>
        <translation>descubierto por DNS (%1)</translation>
    </message>
    <message>
        <source>its DNS record is gone (%1)</source>
        <translation>su registro DNS ha desaparecido (%1)</translation>
    </message>
    <message>
        <source>%1: backend feedback (slow start, agent check): %2</source>
        <translation>%1: información de los backends (arranque gradual, agente): %2</translation>
    </message>
    <message>
        <source>the agent said %1</source>
        <translation>el agente dijo %1</translation>
    </message>
    <message>
        <source>the agent said %1: %2</source>
        <translation>el agente dijo %1: %2</translation>
    </message>
    <message>
        <source>the agent said up</source>
        <translation>el agente dijo up</translation>
    </message>
    <message>
        <source>the agent set %1</source>
        <translation>el agente puso %1</translation>
    </message>
    <message>
        <source>the agent check was switched off</source>
        <translation>la comprobación por agente se desactivó</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigDraft</name>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>No se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>%1 (imported)</source>
        <translation>%1 (importado)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Edit XML source (line %1)</source>
        <translation>Editar el código XML (línea %1)</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigEditor</name>
    <message>
        <source>&amp;New Config</source>
        <translation>&amp;Nueva configuración</translation>
    </message>
    <message>
        <source>Start a new config</source>
        <translation>Empezar una configuración nueva</translation>
    </message>
    <message>
        <source>&amp;Open Config…</source>
        <translation>&amp;Abrir configuración…</translation>
    </message>
    <message>
        <source>Open a config file</source>
        <translation>Abrir un archivo de configuración</translation>
    </message>
    <message>
        <source>&amp;Save Config</source>
        <translation>&amp;Guardar configuración</translation>
    </message>
    <message>
        <source>Save the config (comments are kept)</source>
        <translation>Guardar la configuración (se conservan los comentarios)</translation>
    </message>
    <message>
        <source>Save Config &amp;As…</source>
        <translation>Guardar configuración c&amp;omo…</translation>
    </message>
    <message>
        <source>Save the config under another name</source>
        <translation>Guardar la configuración con otro nombre</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>Deshacer la última edición</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Redo the edit undone last</source>
        <translation>Rehacer la última edición deshecha</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Deshacer: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rehacer: %1</translation>
    </message>
    <message>
        <source>Add &amp;Service</source>
        <translation>Añadir &amp;servicio</translation>
    </message>
    <message>
        <source>Add a service</source>
        <translation>Añadir un servicio</translation>
    </message>
    <message>
        <source>Add &amp;Listener</source>
        <translation>Añadir &amp;escucha</translation>
    </message>
    <message>
        <source>Add a listener to the selected service</source>
        <translation>Añadir una dirección de escucha al servicio seleccionado</translation>
    </message>
    <message>
        <source>Add &amp;Group</source>
        <translation>Añadir &amp;grupo</translation>
    </message>
    <message>
        <source>Add a group to the selected service</source>
        <translation>Añadir un grupo al servicio seleccionado</translation>
    </message>
    <message>
        <source>Add &amp;Host</source>
        <translation>Añadir &amp;host</translation>
    </message>
    <message>
        <source>Add a host to the selected group</source>
        <translation>Añadir un host al grupo seleccionado</translation>
    </message>
    <message>
        <source>Add Admin &amp;User</source>
        <translation>Añadir &amp;usuario admin</translation>
    </message>
    <message>
        <source>Add an admin API user</source>
        <translation>Añadir un usuario de la API de administración</translation>
    </message>
    <message>
        <source>&amp;Remove Item</source>
        <translation>&amp;Quitar elemento</translation>
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation>Quitar el elemento seleccionado</translation>
    </message>
    <message>
        <source>&amp;Apply to Running Balancer…</source>
        <translation>&amp;Aplicar al balanceador en ejecución…</translation>
    </message>
    <message>
        <source>Show what changes, then apply the draft to the running balancer</source>
        <translation>Mostrar qué cambia y aplicar el borrador al balanceador en ejecución</translation>
    </message>
    <message>
        <source>Re&amp;vert to Running Config</source>
        <translation>&amp;Volver a la configuración en ejecución</translation>
    </message>
    <message>
        <source>Replace the draft with the running config</source>
        <translation>Sustituir el borrador por la configuración en ejecución</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Config items</source>
        <translation>Elementos de configuración</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>&amp;Problems:</source>
        <translation>Pro&amp;blemas:</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Cambios pendientes</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Aplicar…</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>running config</source>
        <translation>configuración en ejecución</translation>
    </message>
    <message>
        <source>Open Config</source>
        <translation>Abrir configuración</translation>
    </message>
    <message>
        <source>Cannot open %1.</source>
        <translation>No se puede abrir %1.</translation>
    </message>
    <message>
        <source>Imported Legacy Config</source>
        <translation>Configuración antigua importada</translation>
    </message>
    <message>
        <source>%1 was written for an older balancer and was converted. Check the import report, then save the converted config under a new name.</source>
        <translation>%1 se escribió para un balanceador antiguo y se ha convertido. Revise el informe de importación y guarde la configuración convertida con otro nombre.</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Abierto %1</translation>
    </message>
    <message>
        <source>Balancier configs (*.xml);;All files (*)</source>
        <translation>Configuraciones de Balancier (*.xml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Save Config</source>
        <translation>Guardar configuración</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado %1</translation>
    </message>
    <message>
        <source>Save Config As</source>
        <translation>Guardar configuración como</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>The config %1 has unsaved changes. Save them?</source>
        <translation>La configuración %1 tiene cambios sin guardar. ¿Guardarlos?</translation>
    </message>
    <message>
        <source>Line %1: </source>
        <translation>Línea %1: </translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>Sin problemas.</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Cambiar %1</translation>
    </message>
    <message>
        <source>Add service %1</source>
        <translation>Añadir el servicio %1</translation>
    </message>
    <message>
        <source>Add listener %1</source>
        <translation>Añadir la escucha %1</translation>
    </message>
    <message>
        <source>Add group %1</source>
        <translation>Añadir el grupo %1</translation>
    </message>
    <message>
        <source>Add host %1</source>
        <translation>Añadir el host %1</translation>
    </message>
    <message>
        <source>Add admin user %1</source>
        <translation>Añadir el usuario admin %1</translation>
    </message>
    <message>
        <source>Remove service %1</source>
        <translation>Quitar el servicio %1</translation>
    </message>
    <message>
        <source>Remove listener %1</source>
        <translation>Quitar la escucha %1</translation>
    </message>
    <message>
        <source>Remove group %1</source>
        <translation>Quitar el grupo %1</translation>
    </message>
    <message>
        <source>Remove host %1</source>
        <translation>Quitar el host %1</translation>
    </message>
    <message>
        <source>Remove admin user %1</source>
        <translation>Quitar el usuario admin %1</translation>
    </message>
    <message>
        <source>Reading the running config…</source>
        <translation>Leyendo la configuración en ejecución…</translation>
    </message>
    <message>
        <source>Not connected to a balancer: nothing to compare the draft with.</source>
        <translation>Sin conexión a un balanceador: no hay con qué comparar el borrador.</translation>
    </message>
    <message>
        <source>The XML source is not well-formed: fix it to compare with the running config.</source>
        <translation>El código XML no está bien formado: corríjalo para compararlo con la configuración en ejecución.</translation>
    </message>
    <message>
        <source>The draft matches the running config.</source>
        <translation>El borrador coincide con la configuración en ejecución.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not applied to the running balancer: </source>
        <translation>
            <numerusform>%n cambio sin aplicar al balanceador en ejecución: </numerusform>
            <numerusform>%n cambios sin aplicar al balanceador en ejecución: </numerusform>
        </translation>
    </message>
    <message>
        <source>Apply to Running Balancer</source>
        <translation>Aplicar al balanceador en ejecución</translation>
    </message>
    <message>
        <source>The draft has errors (see Problems). Fix them before applying it.</source>
        <translation>El borrador tiene errores (vea Problemas). Corríjalos antes de aplicarlo.</translation>
    </message>
    <message>
        <source>Cannot read the running config: %1</source>
        <translation>No se puede leer la configuración en ejecución: %1</translation>
    </message>
    <message>
        <source>Nothing to apply: the draft matches the running config.</source>
        <translation>Nada que aplicar: el borrador coincide con la configuración en ejecución.</translation>
    </message>
    <message>
        <source>The balancer refused the config; nothing was changed.</source>
        <translation>El balanceador rechazó la configuración; no se cambió nada.</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n change(s).</source>
        <translation>
            <numerusform>Aplicado %n cambio.</numerusform>
            <numerusform>Aplicados %n cambios.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revert to the running config</source>
        <translation>Volver a la configuración en ejecución</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Deshacer: %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Rehacer: %1</translation>
    </message>
    <message>
        <source>Config &amp;History</source>
        <translation>H&amp;istorial de configuración</translation>
    </message>
    <message>
        <source>Show the versions of the running config and roll back to one</source>
        <translation>Mostrar las versiones de la configuración en ejecución y restaurar una de ellas</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>running when connected</source>
        <translation>en ejecución al conectar</translation>
    </message>
    <message>
        <source>changed outside this editor</source>
        <translation>cambiada fuera de este editor</translation>
    </message>
    <message>
        <source>Line %1:%2: </source>
        <translation>Línea %1:%2: </translation>
    </message>
    <message>
        <source>applied from this editor</source>
        <translation>aplicada desde este editor</translation>
    </message>
    <message>
        <source>applied config</source>
        <translation>configuración aplicada</translation>
    </message>
    <message>
        <source>Nothing to roll back: version %1 is what runs.</source>
        <translation>Nada que restaurar: la versión %1 ya está en ejecución.</translation>
    </message>
    <message>
        <source>Roll Back to Version %1</source>
        <translation>Restaurar la versión %1</translation>
    </message>
    <message>
        <source>rollback to version %1</source>
        <translation>restauración de la versión %1</translation>
    </message>
    <message>
        <source>Running config</source>
        <translation>Configuración en ejecución</translation>
    </message>
    <message>
        <source>The editor shows the running config.</source>
        <translation>El editor muestra la configuración en ejecución.</translation>
    </message>
    <message>
        <source>Running Config</source>
        <translation>Configuración en ejecución</translation>
    </message>
    <message>
        <source>The balancer runs a config that differs from your edited draft %1. Keep editing the draft, or load the running config into the editor (the draft&apos;s unsaved edits are discarded)?</source>
        <translation>El balanceador ejecuta una configuración distinta de su borrador editado %1. ¿Seguir editando el borrador o cargar la configuración en ejecución en el editor (se descartan los cambios no guardados del borrador)?</translation>
    </message>
    <message>
        <source>&amp;Keep My Draft</source>
        <translation>&amp;Conservar mi borrador</translation>
    </message>
    <message>
        <source>&amp;Load the Running Config</source>
        <translation>Cargar la configuración en e&amp;jecución</translation>
    </message>
    <message>
        <source>Not applied: the running config was changed by someone else meanwhile.</source>
        <translation>No aplicado: otra persona cambió mientras tanto la configuración en ejecución.</translation>
    </message>
    <message>
        <source>Rebase onto the running config</source>
        <translation>Rebasar sobre la configuración en ejecución</translation>
    </message>
    <message>
        <source>The draft is rebased onto the running config; review it and apply.</source>
        <translation>El borrador se ha rebasado sobre la configuración en ejecución; revíselo y aplíquelo.</translation>
    </message>
    <message>
        <source>Discard the draft&apos;s changes</source>
        <translation>Descartar los cambios del borrador</translation>
    </message>
    <message>
        <source>The draft&apos;s changes were discarded: the editor shows the running config.</source>
        <translation>Los cambios del borrador se descartaron: el editor muestra la configuración en ejecución.</translation>
    </message>
    <message>
        <source>Changed by someone else:</source>
        <translation>Cambiado por otra persona:</translation>
    </message>
    <message>
        <source>Your changes:</source>
        <translation>Sus cambios:</translation>
    </message>
    <message>
        <source>None of your changes touches what they changed.</source>
        <translation>Ninguno de sus cambios toca lo que cambió la otra parte.</translation>
    </message>
    <message>
        <source>%1 (they: %2)</source>
        <translation>%1 (la otra parte: %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n of your changes touch(es) an item they changed too; the rebased draft keeps your version:</source>
        <translation>
            <numerusform>%n de sus cambios toca un elemento que la otra parte también cambió; el borrador rebasado conserva su versión:</numerusform>
            <numerusform>%n de sus cambios tocan elementos que la otra parte también cambió; el borrador rebasado conserva su versión:</numerusform>
        </translation>
    </message>
    <message>
        <source>Running Config Changed</source>
        <translation>Configuración en ejecución cambiada</translation>
    </message>
    <message numerus="yes">
        <source>Someone else applied %n change(s) to the running balancer since your draft was based on it. Your draft was not applied.</source>
        <translation>
            <numerusform>Otra persona aplicó %n cambio al balanceador en ejecución desde la base de su borrador. Su borrador no se aplicó.</numerusform>
            <numerusform>Otra persona aplicó %n cambios al balanceador en ejecución desde la base de su borrador. Su borrador no se aplicó.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rebase your %n change(s) onto the running config?</source>
        <translation>
            <numerusform>¿Rebasar su %n cambio sobre la configuración en ejecución?</numerusform>
            <numerusform>¿Rebasar sus %n cambios sobre la configuración en ejecución?</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply &amp;Rebased Draft</source>
        <translation>Aplicar el borrador &amp;rebasado</translation>
    </message>
    <message>
        <source>&amp;Edit Rebased Draft</source>
        <translation>&amp;Editar el borrador rebasado</translation>
    </message>
    <message>
        <source>&amp;Discard My Changes</source>
        <translation>&amp;Descartar mis cambios</translation>
    </message>
    <message>
        <source>The balancer refused the rollback; nothing was changed.</source>
        <translation>El balanceador rechazó la reversión; no se cambió nada.</translation>
    </message>
    <message numerus="yes">
        <source>Rolled back to version %1: %n change(s).</source>
        <translation>
            <numerusform>Revertido a la versión %1: %n cambio.</numerusform>
            <numerusform>Revertido a la versión %1: %n cambios.</numerusform>
        </translation>
    </message>
    <message>
        <source>The running config was changed by someone else; fix the XML source to compare your draft with it, then apply again.</source>
        <translation>Otra persona cambió la configuración en ejecución; corrija el código XML para comparar su borrador con ella y vuelva a aplicarlo.</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigHistory</name>
    <message>
        <source>%1 (running)</source>
        <translation>%1 (en ejecución)</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>first version seen</source>
        <translation>primera versión vista</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s): %1; …</source>
        <translation>
            <numerusform>%n cambio: %1; …</numerusform>
            <numerusform>%n cambios: %1; …</numerusform>
        </translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>versión %1</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 desde %2</translation>
    </message>
    <message>
        <source>admin API, %1</source>
        <translation>API de administración, %1</translation>
    </message>
    <message>
        <source>desktop app</source>
        <translation>aplicación de escritorio</translation>
    </message>
    <message>
        <source>desktop app, %1</source>
        <translation>aplicación de escritorio, %1</translation>
    </message>
    <message>
        <source>reload (SIGHUP)</source>
        <translation>recarga (SIGHUP)</translation>
    </message>
    <message>
        <source>daemon started</source>
        <translation>demonio iniciado</translation>
    </message>
    <message>
        <source>rollback to version %1</source>
        <translation>vuelta a la versión %1</translation>
    </message>
    <message>
        <source>rollback to version %1, %2</source>
        <translation>vuelta a la versión %1, %2</translation>
    </message>
    <message>
        <source>balancer</source>
        <translation>balanceador</translation>
    </message>
</context>
<context>
    <name>Balancier::ConfigTreeModel</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>one worker per core</source>
        <translation>un worker por núcleo</translation>
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
        <translation>API de administración</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>full access</source>
        <translation>acceso completo</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>solo lectura</translation>
    </message>
    <message>
        <source>listener</source>
        <translation>escucha</translation>
    </message>
    <message>
        <source>%1, enabled</source>
        <translation>%1, activo</translation>
    </message>
    <message>
        <source>%1, weight %2</source>
        <translation>%1, peso %2</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alerta</numerusform>
            <numerusform>%n alertas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectDialog</name>
    <message>
        <source>Run a config &amp;file in this app</source>
        <translation>Ejecutar un &amp;archivo de configuración en esta aplicación</translation>
    </message>
    <message>
        <source>Connect to a running &amp;balancierd</source>
        <translation>Conectar a un &amp;balancierd en ejecución</translation>
    </message>
    <message>
        <source>Connect to a Balancer</source>
        <translation>Conectar a un balanceador</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Perfiles guardados</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>p. ej. producción</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Config &amp;file:</source>
        <translation>&amp;Archivo de configuración:</translation>
    </message>
    <message>
        <source>Admin API &amp;URL:</source>
        <translation>&amp;URL de la API de administración:</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>The password is asked for when connecting and is never saved.</source>
        <translation>La contraseña se pide al conectar y nunca se guarda.</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>&amp;Nombre del perfil:</translation>
    </message>
    <message>
        <source>&amp;Save Profile</source>
        <translation>&amp;Guardar perfil</translation>
    </message>
    <message>
        <source>&amp;Delete Profile</source>
        <translation>&amp;Borrar perfil</translation>
    </message>
    <message>
        <source>Sa&amp;ved profiles:</source>
        <translation>Perfiles guar&amp;dados:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>Config File</source>
        <translation>Archivo de configuración</translation>
    </message>
    <message>
        <source>Balancier configs (*.xml);;All files (*)</source>
        <translation>Configuraciones de Balancier (*.xml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose a config file.</source>
        <translation>Elija un archivo de configuración.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 no es un archivo.</translation>
    </message>
    <message>
        <source>Enter the admin user&apos;s name.</source>
        <translation>Escriba el nombre del usuario admin.</translation>
    </message>
    <message>
        <source>Enter the admin API&apos;s URL, e.g. %1 or https://balancer.example:8443.</source>
        <translation>Escriba la URL de la API de administración, p. ej. %1 o https://balancer.example:8443.</translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectionBanner</name>
    <message>
        <source>Connection status</source>
        <translation>Estado de la conexión</translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectionTableModel</name>
    <message>
        <source>(none yet)</source>
        <translation>(ninguno aún)</translation>
    </message>
    <message>
        <source>Connection %1 from %2 to %3</source>
        <translation>Conexión %1 de %2 a %3</translation>
    </message>
    <message>
        <source>%1 bytes from the client, %2 bytes to the client</source>
        <translation>%1 bytes del cliente, %2 bytes al cliente</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Antigüedad</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Why this backend</source>
        <translation>Por qué este backend</translation>
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
        <translation>round robin ponderado</translation>
    </message>
    <message>
        <source>least connections</source>
        <translation>menos conexiones</translation>
    </message>
    <message>
        <source>least connections, round robin among equals</source>
        <translation>menos conexiones, round robin entre iguales</translation>
    </message>
    <message>
        <source>better of two random choices</source>
        <translation>mejor de dos elecciones al azar</translation>
    </message>
    <message>
        <source>random</source>
        <translation>aleatorio</translation>
    </message>
    <message>
        <source>sticky: new client</source>
        <translation>sticky: cliente nuevo</translation>
    </message>
    <message>
        <source>sticky: seen %1 ago</source>
        <translation>sticky: visto hace %1</translation>
    </message>
    <message>
        <source>hash bucket %1 of %2</source>
        <translation>cubeta de hash %1 de %2</translation>
    </message>
    <message>
        <source>Maglev entry %1 of %2</source>
        <translation>entrada Maglev %1 de %2</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>tiempo agotado</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>inalcanzable</translation>
    </message>
    <message>
        <source>not resolved</source>
        <translation>no resuelto</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>backend, then what happened</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>failover after %1</source>
        <translation>conmutación tras %1</translation>
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
        <translation>leyendo la cabecera PROXY</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>conectando</translation>
    </message>
    <message>
        <source>established</source>
        <translation>establecida</translation>
    </message>
</context>
<context>
    <name>Balancier::ConnectionsPage</name>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Anterior</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation>Conexiones abiertas</translation>
    </message>
    <message>
        <source>Top talkers</source>
        <translation>Clientes más activos</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Todos los servicios</translation>
    </message>
    <message>
        <source>any group</source>
        <translation>cualquier grupo</translation>
    </message>
    <message>
        <source>any backend</source>
        <translation>cualquier backend</translation>
    </message>
    <message>
        <source>e.g. 10.1.0.0/16</source>
        <translation>p. ej. 10.1.0.0/16</translation>
    </message>
    <message>
        <source>Only clients in this network (CIDR), IPv4 or IPv6</source>
        <translation>Solo clientes de esta red (CIDR), IPv4 o IPv6</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>cualquier antigüedad</translation>
    </message>
    <message>
        <source>Only connections open at least this long</source>
        <translation>Solo conexiones abiertas al menos este tiempo</translation>
    </message>
    <message>
        <source> kB</source>
        <translation> kB</translation>
    </message>
    <message>
        <source>any size</source>
        <translation>cualquier tamaño</translation>
    </message>
    <message>
        <source>Only connections that moved at least this much, both ways together</source>
        <translation>Solo conexiones que movieron al menos esto, en ambos sentidos</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Más antiguas primero</translation>
    </message>
    <message>
        <source>Most bytes first</source>
        <translation>Más bytes primero</translation>
    </message>
    <message>
        <source>By client</source>
        <translation>Por cliente</translation>
    </message>
    <message>
        <source>By backend</source>
        <translation>Por backend</translation>
    </message>
    <message>
        <source>By id (newest last)</source>
        <translation>Por id (más nuevas al final)</translation>
    </message>
    <message>
        <source>The balancer&apos;s order, across every page</source>
        <translation>El orden del balanceador, en todas las páginas</translation>
    </message>
    <message>
        <source>Rows per page</source>
        <translation>Filas por página</translation>
    </message>
    <message>
        <source>by open connections</source>
        <translation>por conexiones abiertas</translation>
    </message>
    <message>
        <source>by new connections per second</source>
        <translation>por conexiones nuevas por segundo</translation>
    </message>
    <message>
        <source>by bytes</source>
        <translation>por bytes</translation>
    </message>
    <message>
        <source>&amp;Close Connection…</source>
        <translation>&amp;Cerrar conexión…</translation>
    </message>
    <message>
        <source>Close the selected connections (needs full access)</source>
        <translation>Cerrar las conexiones seleccionadas (requiere acceso completo)</translation>
    </message>
    <message>
        <source>&amp;Block Prefix</source>
        <translation>&amp;Bloquear prefijo</translation>
    </message>
    <message>
        <source>Add a deny rule for the selected prefix to the service&apos;s ACL in the draft; Apply makes it take effect</source>
        <translation>Añadir una regla de denegación para el prefijo seleccionado a la ACL del servicio en el borrador; Aplicar la hace efectiva</translation>
    </message>
    <message>
        <source>Block This &amp;Client</source>
        <translation>Bloquear este &amp;cliente</translation>
    </message>
    <message>
        <source>Add a deny rule for the client&apos;s address to the service&apos;s ACL in the draft</source>
        <translation>Añadir una regla de denegación para la dirección del cliente a la ACL del servicio en el borrador</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Servicio:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Grupo:</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>Cl&amp;ient:</source>
        <translation>Cl&amp;iente:</translation>
    </message>
    <message>
        <source>Open &amp;at least:</source>
        <translation>Abierta &amp;al menos:</translation>
    </message>
    <message>
        <source>&amp;Moved at least:</source>
        <translation>&amp;Movido al menos:</translation>
    </message>
    <message>
        <source>S&amp;ort:</source>
        <translation>&amp;Orden:</translation>
    </message>
    <message>
        <source>&amp;Rows per page:</source>
        <translation>&amp;Filas por página:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Top talkers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Clientes más activos&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The balancer did not list its connections: %1</source>
        <translation>El balanceador no listó sus conexiones: %1</translation>
    </message>
    <message>
        <source>No open connections match.</source>
        <translation>Ninguna conexión abierta coincide.</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 de %3</translation>
    </message>
    <message>
        <source>Close the connection from %1 to %2 (service %3)?

Both ends see it closed; the client may connect again.</source>
        <translation>¿Cerrar la conexión de %1 a %2 (servicio %3)?

Ambos extremos la ven cerrada; el cliente puede volver a conectarse.</translation>
    </message>
    <message>
        <source>no backend yet</source>
        <translation>aún sin backend</translation>
    </message>
    <message>
        <source>Close %1 connections?

Both ends of each see it closed; the clients may connect again.</source>
        <translation>¿Cerrar %1 conexiones?

Ambos extremos de cada una la ven cerrada; los clientes pueden volver a conectarse.</translation>
    </message>
    <message>
        <source>Close Connections</source>
        <translation>Cerrar conexiones</translation>
    </message>
    <message>
        <source>Connection %1 closed.</source>
        <translation>Conexión %1 cerrada.</translation>
    </message>
    <message>
        <source>The balancer refused to close connection %1: closing connections needs a user with full access, and this login is read-only (%2). Connect as a user with access=&quot;full&quot; to close connections.</source>
        <translation>El balanceador se negó a cerrar la conexión %1: cerrar conexiones requiere un usuario con acceso completo, y este inicio de sesión es de solo lectura (%2). Conéctese con un usuario access=&quot;full&quot; para cerrar conexiones.</translation>
    </message>
    <message>
        <source>Connection %1 was not closed: %2</source>
        <translation>La conexión %1 no se cerró: %2</translation>
    </message>
    <message>
        <source>The draft has no service %1.</source>
        <translation>El borrador no tiene el servicio %1.</translation>
    </message>
    <message>
        <source>%1 is blocked in service %2 already (the ACL&apos;s first rule).</source>
        <translation>%1 ya está bloqueado en el servicio %2 (la primera regla de la ACL).</translation>
    </message>
    <message>
        <source>There is no draft to add the rule to.</source>
        <translation>No hay borrador al que añadir la regla.</translation>
    </message>
    <message>
        <source>The draft is not a well-formed config (%1); fix it on the Configuration page first.</source>
        <translation>El borrador no es una configuración bien formada (%1); corríjalo primero en la página Configuración.</translation>
    </message>
    <message>
        <source>Block Prefix</source>
        <translation>Bloquear prefijo</translation>
    </message>
    <message>
        <source>Block %1 in which service?</source>
        <translation>¿Bloquear %1 en qué servicio?</translation>
    </message>
    <message>
        <source>Block %1 in service %2</source>
        <translation>Bloquear %1 en el servicio %2</translation>
    </message>
    <message>
        <source>The draft could not take the deny rule for %1: this version does not write &lt;acl&gt; into the config.</source>
        <translation>El borrador no pudo recibir la regla de denegación para %1: esta versión no escribe &lt;acl&gt; en la configuración.</translation>
    </message>
    <message>
        <source>Deny rule for %1 added to the ACL of service %2 in the draft. Review it on the Configuration page and Apply it to take effect.</source>
        <translation>Regla de denegación para %1 añadida a la ACL del servicio %2 en el borrador. Revísela en la página Configuración y aplíquela para que tenga efecto.</translation>
    </message>
    <message>
        <source>%1 blocked in the draft of service %2; Apply to take effect.</source>
        <translation>%1 bloqueado en el borrador del servicio %2; aplique para que tenga efecto.</translation>
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
        <translation>activo, %1</translation>
    </message>
    <message>
        <source>standby, %1</source>
        <translation>en reserva, %1</translation>
    </message>
    <message>
        <source>no host up</source>
        <translation>ningún host disponible</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 at %2, weight %3</source>
        <translation>%1 en %2, peso %3</translation>
    </message>
    <message>
        <source>at most %1 connections</source>
        <translation>como máximo %1 conexiones</translation>
    </message>
    <message>
        <source>Scheduler: %1</source>
        <translation>Planificador: %1</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Escuchando en %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activas</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidas</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Bytes recibidos</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Bytes enviados</translation>
    </message>
    <message>
        <source>In/s</source>
        <translation>Recib./s</translation>
    </message>
    <message>
        <source>Out/s</source>
        <translation>Env./s</translation>
    </message>
    <message>
        <source>Since change</source>
        <translation>Desde el cambio</translation>
    </message>
    <message>
        <source>%1 of at most %2 open connections</source>
        <translation>%1 de como máximo %2 conexiones abiertas</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, backup (standby)</source>
        <translation>, respaldo (en espera)</translation>
    </message>
    <message>
        <source>, backup</source>
        <translation>, respaldo</translation>
    </message>
    <message>
        <source>, drain: %1 left</source>
        <translation>, vaciado: quedan %1</translation>
    </message>
    <message>
        <source>, then remove</source>
        <translation>, luego eliminar</translation>
    </message>
    <message>
        <source>, then maintenance</source>
        <translation>, luego mantenimiento</translation>
    </message>
    <message>
        <source>%1, backup active</source>
        <translation>%1, respaldo activo</translation>
    </message>
    <message>
        <source>default (the enabled group)</source>
        <translation>predeterminada (el grupo activo)</translation>
    </message>
    <message>
        <source>not TLS</source>
        <translation>no TLS</translation>
    </message>
    <message numerus="yes">
        <source>%1 -&gt; %2: %n connection(s)</source>
        <translation>
            <numerusform>%1 -&gt; %2: %n conexión</numerusform>
            <numerusform>%1 -&gt; %2: %n conexiones</numerusform>
        </translation>
    </message>
    <message>
        <source>TLS routes to this group:</source>
        <translation>Rutas TLS a este grupo:</translation>
    </message>
    <message>
        <source>TLS routes:</source>
        <translation>Rutas TLS:</translation>
    </message>
    <message>
        <source>discovered by DNS (SRV record); not in the config file</source>
        <translation>descubierto por DNS (registro SRV); no está en el archivo de configuración</translation>
    </message>
    <message>
        <source>discovered by DNS (an address of its name); not in the config file</source>
        <translation>descubierto por DNS (una dirección de su nombre); no está en el archivo de configuración</translation>
    </message>
    <message>
        <source>DNS discovery: %1</source>
        <translation>Descubrimiento DNS: %1</translation>
    </message>
    <message>
        <source>not looked up yet</source>
        <translation>aún no consultado</translation>
    </message>
    <message numerus="yes">
        <source>last lookup %1: %n record(s)</source>
        <translation>
            <numerusform>última consulta %1: %n registro</numerusform>
            <numerusform>última consulta %1: %n registros</numerusform>
        </translation>
    </message>
    <message>
        <source>failing: %1 (the last good records stay)</source>
        <translation>fallando: %1 (los últimos registros buenos se mantienen)</translation>
    </message>
    <message numerus="yes">
        <source>TLS on %1: %2, expires %3 (%n day(s) left)</source>
        <translation>
            <numerusform>TLS en %1: %2, caduca el %3 (queda %n día)</numerusform>
            <numerusform>TLS en %1: %2, caduca el %3 (quedan %n días)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 handshakes/s, %2 completed, %3 failed, %4 timed out</source>
        <translation>%1 negociaciones/s, %2 completadas, %3 fallidas, %4 con tiempo agotado</translation>
    </message>
    <message>
        <source>kernel TLS in use</source>
        <translation>TLS del núcleo en uso</translation>
    </message>
    <message>
        <source>Warning: a certificate of this listener expires within 14 days</source>
        <translation>Aviso: un certificado de este listener caduca en menos de 14 días</translation>
    </message>
    <message>
        <source>%1, slow start: weight %2 of %3</source>
        <translation>%1, arranque gradual: peso %2 de %3</translation>
    </message>
    <message>
        <source>%1, agent: weight %2 of %3</source>
        <translation>%1, agente: peso %2 de %3</translation>
    </message>
    <message>
        <source>effective weight %1</source>
        <translation>peso efectivo %1</translation>
    </message>
    <message>
        <source>agent said &quot;%1&quot;</source>
        <translation>el agente dijo «%1»</translation>
    </message>
    <message>
        <source>agent changed: %1</source>
        <translation>el agente cambió: %1</translation>
    </message>
</context>
<context>
    <name>Balancier::DashboardWidget</name>
    <message>
        <source>&amp;Problems only</source>
        <translation>Solo pro&amp;blemas</translation>
    </message>
    <message>
        <source>Services, groups and hosts</source>
        <translation>Servicios, grupos y hosts</translation>
    </message>
    <message>
        <source>Filter by name or state (Ctrl+F)</source>
        <translation>Filtrar por nombre o estado (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtro</translation>
    </message>
    <message>
        <source>State history of the selected host</source>
        <translation>Historial de estado del host seleccionado</translation>
    </message>
    <message>
        <source>Select a host to see its history.</source>
        <translation>Seleccione un host para ver su historial.</translation>
    </message>
    <message>
        <source>&amp;Drain</source>
        <translation>&amp;Drenar</translation>
    </message>
    <message>
        <source>Send no new connections to the selected hosts; open ones finish</source>
        <translation>No enviar conexiones nuevas a los hosts seleccionados; las abiertas terminan</translation>
    </message>
    <message>
        <source>&amp;Maintenance</source>
        <translation>&amp;Mantenimiento</translation>
    </message>
    <message>
        <source>Take the selected hosts out of rotation</source>
        <translation>Sacar de la rotación los hosts seleccionados</translation>
    </message>
    <message>
        <source>&amp;Ready</source>
        <translation>&amp;Listo</translation>
    </message>
    <message>
        <source>Put the selected hosts back into rotation</source>
        <translation>Devolver a la rotación los hosts seleccionados</translation>
    </message>
    <message>
        <source>Set &amp;Weight…</source>
        <translation>Fijar &amp;peso…</translation>
    </message>
    <message>
        <source>Change the weight of the selected hosts</source>
        <translation>Cambiar el peso de los hosts seleccionados</translation>
    </message>
    <message>
        <source>Re&amp;try Now</source>
        <translation>&amp;Reintentar ahora</translation>
    </message>
    <message>
        <source>Probe the selected down hosts now</source>
        <translation>Sondear ahora los hosts caídos seleccionados</translation>
    </message>
    <message>
        <source>Remove the selected hosts from the running config (they drain)</source>
        <translation>Quitar los hosts seleccionados de la configuración en ejecución (se drenan)</translation>
    </message>
    <message>
        <source>History of host %1 (group %2, service %3)</source>
        <translation>Historial del host %1 (grupo %2, servicio %3)</translation>
    </message>
    <message>
        <source>Set Weight</source>
        <translation>Fijar peso</translation>
    </message>
    <message numerus="yes">
        <source>New weight for %n host(s) (0: no new connections):</source>
        <translation>
            <numerusform>Nuevo peso para %n host (0: ninguna conexión nueva):</numerusform>
            <numerusform>Nuevo peso para %n hosts (0: ninguna conexión nueva):</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove Hosts</source>
        <translation>Quitar hosts</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n host(s) from the running config? Their open connections finish first.</source>
        <translation>
            <numerusform>¿Quitar %n host de la configuración en ejecución? Sus conexiones abiertas terminan primero.</numerusform>
            <numerusform>¿Quitar %n hosts de la configuración en ejecución? Sus conexiones abiertas terminan primero.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Done for %n host(s).</source>
        <translation>
            <numerusform>Hecho para %n host.</numerusform>
            <numerusform>Hecho para %n hosts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed for %n host(s): </source>
        <translation>
            <numerusform>Falló para %n host: </numerusform>
            <numerusform>Falló para %n hosts: </numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Probe Address</source>
        <translation>Pro&amp;bar dirección</translation>
    </message>
    <message>
        <source>Measure the connect time to the selected hosts&apos; addresses from this computer</source>
        <translation>Medir el tiempo de conexión a las direcciones de los hosts seleccionados desde este equipo</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Servicio %1</translation>
    </message>
    <message>
        <source>Group %1/%2</source>
        <translation>Grupo %1/%2</translation>
    </message>
    <message>
        <source>Host %1</source>
        <translation>Host %1</translation>
    </message>
    <message numerus="yes">
        <source>Probing %n host(s)…</source>
        <translation>
            <numerusform>Probando %n host…</numerusform>
            <numerusform>Probando %n hosts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Probed %n host(s): all answered. </source>
        <translation>
            <numerusform>%n host probado, ha respondido. </numerusform>
            <numerusform>%n hosts probados, todos han respondido. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Probed %n host(s): %1 failed. </source>
        <translation>
            <numerusform>%n host probado, errores: %1. </numerusform>
            <numerusform>%n hosts probados, errores: %1. </numerusform>
        </translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>&amp;Filtro:</translation>
    </message>
    <message>
        <source>Remo&amp;ve…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Todos los servicios</translation>
    </message>
    <message>
        <source>Remove the Last Live Host?</source>
        <translation>¿Quitar el último host activo?</translation>
    </message>
    <message numerus="yes">
        <source>The balancer kept %n host(s): removing them leaves their service without a live host, and it refuses new clients until a host is added or comes back.</source>
        <translation>
            <numerusform>El balanceador conservó %n host: sin él, su servicio se queda sin host activo y rechaza clientes nuevos hasta que se añada un host o vuelva uno.</numerusform>
            <numerusform>El balanceador conservó %n hosts: sin ellos, su servicio se queda sin host activo y rechaza clientes nuevos hasta que se añada un host o vuelva uno.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove anyway?</source>
        <translation>¿Quitar de todos modos?</translation>
    </message>
    <message>
        <source>VRRP role: %1</source>
        <translation>Rol VRRP: %1</translation>
    </message>
    <message>
        <source>Drain with &amp;Deadline…</source>
        <translation>Vaciar con &amp;plazo…</translation>
    </message>
    <message>
        <source>Drain the selected hosts with a deadline, then remove them or set them to maintenance</source>
        <translation>Vaciar los hosts seleccionados con un plazo y luego eliminarlos o ponerlos en mantenimiento</translation>
    </message>
</context>
<context>
    <name>Balancier::EventLogModel</name>
    <message>
        <source>Debug</source>
        <translation>Depuración</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetApply</name>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>dry run…</source>
        <translation>simulación…</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>comprobado</translation>
    </message>
    <message>
        <source>applying…</source>
        <translation>aplicando…</translation>
    </message>
    <message>
        <source>waiting until healthy…</source>
        <translation>esperando a que esté sano…</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>aplicado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>untouched</source>
        <translation>sin tocar</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>La conexión está cerrada.</translation>
    </message>
    <message numerus="yes">
        <source>The draft is applied on all %n node(s).</source>
        <translation>
            <numerusform>El borrador está aplicado en %n nodo.</numerusform>
            <numerusform>El borrador está aplicado en los %n nodos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its running config changed after the dry run (someone else applied a change); nothing was applied there. Run the dry run again to review the new differences.
%1</source>
        <translation>Su configuración en ejecución cambió después de la simulación (otra persona aplicó un cambio); allí no se aplicó nada. Vuelva a ejecutar la simulación para revisar las nuevas diferencias.
%1</translation>
    </message>
    <message>
        <source>%1 of %2 service(s) have a live host</source>
        <translation>%1 de %2 servicios tienen un host activo</translation>
    </message>
    <message numerus="yes">
        <source>The draft is applied there, but the node did not report healthy within %n second(s) (%1).</source>
        <translation>
            <numerusform>El borrador está aplicado allí, pero el nodo no informó estar sano en %n segundo (%1).</numerusform>
            <numerusform>El borrador está aplicado allí, pero el nodo no informó estar sano en %n segundos (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped at node %1: %2
%n node(s) after it left untouched.</source>
        <translation>
            <numerusform>Detenido en el nodo %1: %2
%n nodo posterior sin tocar.</numerusform>
            <numerusform>Detenido en el nodo %1: %2
%n nodos posteriores sin tocar.</numerusform>
        </translation>
    </message>
    <message>
        <source>It does not report its health (a balancierd without /api/v1/health, or a balancer in this app): not waited for.</source>
        <translation>No informa de su estado (un balancierd sin /api/v1/health o un balanceador en esta aplicación): no se esperó.</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetCompare</name>
    <message>
        <source>The connection is closed.</source>
        <translation>La conexión está cerrada.</translation>
    </message>
    <message>
        <source>Its running config cannot be read: %1</source>
        <translation>Su configuración en ejecución no se puede leer: %1</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetDrain</name>
    <message>
        <source>The connection is closed.</source>
        <translation>La conexión está cerrada.</translation>
    </message>
    <message>
        <source>Its running config cannot be read.</source>
        <translation>Su configuración en ejecución no se puede leer.</translation>
    </message>
    <message>
        <source>It has no host named &quot;%1&quot;.</source>
        <translation>No tiene ningún host llamado «%1».</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetModel</name>
    <message>
        <source>All hosts up</source>
        <translation>Todos los hosts disponibles</translation>
    </message>
    <message>
        <source>No host down</source>
        <translation>Ningún host caído</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) down</source>
        <translation>
            <numerusform>%n host caído</numerusform>
            <numerusform>%n hosts caídos</numerusform>
        </translation>
    </message>
    <message>
        <source>A service has no host up</source>
        <translation>Un servicio no tiene ningún host disponible</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>inactivo</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Hosts up</source>
        <translation>Hosts disponibles</translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation>Conexiones abiertas</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Rendimiento</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
</context>
<context>
    <name>Balancier::FleetWindow</name>
    <message>
        <source>&amp;Show Window</source>
        <translation>&amp;Mostrar ventana</translation>
    </message>
    <message>
        <source>Fleet Overview — Balancier</source>
        <translation>Vista general de la flota — Balancier</translation>
    </message>
    <message>
        <source>Every open connection, with its health. Press Enter on a row to show its window.</source>
        <translation>Cada conexión abierta, con su estado de salud. Pulse Intro en una fila para mostrar su ventana.</translation>
    </message>
    <message>
        <source>Open connections and their health</source>
        <translation>Conexiones abiertas y su estado de salud</translation>
    </message>
    <message>
        <source>&amp;New Window</source>
        <translation>&amp;Nueva ventana</translation>
    </message>
    <message>
        <source>&amp;Compare Configs</source>
        <translation>&amp;Comparar configuraciones</translation>
    </message>
    <message>
        <source>&amp;Apply Draft to Fleet…</source>
        <translation>&amp;Aplicar borrador a la flota…</translation>
    </message>
    <message>
        <source>&amp;Drain Host Everywhere…</source>
        <translation>&amp;Drenar host en todas partes…</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flota</translation>
    </message>
    <message>
        <source>&amp;Fleet:</source>
        <translation>&amp;Flota:</translation>
    </message>
    <message>
        <source>Save as Fleet…</source>
        <translation>Guardar como flota…</translation>
    </message>
    <message>
        <source>Save a named set of connection profiles, such as a VRRP pair</source>
        <translation>Guardar un conjunto con nombre de perfiles de conexión, como un par VRRP</translation>
    </message>
    <message>
        <source>Show how each node&apos;s running config differs from the first node&apos;s</source>
        <translation>Mostrar en qué difiere la configuración en ejecución de cada nodo de la del primero</translation>
    </message>
    <message>
        <source>Apply the editor&apos;s draft of the selected connection to every node: a dry run on each, then one node at a time, backups first</source>
        <translation>Aplicar el borrador del editor de la conexión seleccionada a cada nodo: una simulación en cada uno, luego un nodo a la vez, primero los de respaldo</translation>
    </message>
    <message>
        <source>Drain the host of that name on every node of the fleet</source>
        <translation>Drenar el host con ese nombre en cada nodo de la flota</translation>
    </message>
    <message>
        <source>What happened on each node</source>
        <translation>Lo que ocurrió en cada nodo</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nodo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Every open connection</source>
        <translation>Todas las conexiones abiertas</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n node(s))</source>
        <translation>
            <numerusform>%1 (%n nodo)</numerusform>
            <numerusform>%1 (%n nodos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as Fleet</source>
        <translation>Guardar como flota</translation>
    </message>
    <message>
        <source>Name of the fleet (for example prod-pair):</source>
        <translation>Nombre de la flota (por ejemplo prod-pair):</translation>
    </message>
    <message>
        <source>A fleet is made of saved connection profiles. Connect to each node through a profile (File &gt; Connect), then save the fleet.</source>
        <translation>Una flota se compone de perfiles de conexión guardados. Conéctese a cada nodo mediante un perfil (Archivo &gt; Conectar) y luego guarde la flota.</translation>
    </message>
    <message>
        <source>Fleet %1 saved: %2.</source>
        <translation>Flota %1 guardada: %2.</translation>
    </message>
    <message>
        <source>not open</source>
        <translation>no abierto</translation>
    </message>
    <message>
        <source>Connect to this node first: the action leaves it out.</source>
        <translation>Conéctese primero a este nodo: la acción lo omite.</translation>
    </message>
    <message>
        <source>Comparing the running configs…</source>
        <translation>Comparando las configuraciones en ejecución…</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>no leído</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>referencia</translation>
    </message>
    <message>
        <source>The others are compared with it.</source>
        <translation>Los demás se comparan con este.</translation>
    </message>
    <message>
        <source>same</source>
        <translation>igual</translation>
    </message>
    <message>
        <source>Runs the same config.</source>
        <translation>Ejecuta la misma configuración.</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n diferencia</numerusform>
            <numerusform>%n diferencias</numerusform>
        </translation>
    </message>
    <message>
        <source>Every node runs the same config.</source>
        <translation>Cada nodo ejecuta la misma configuración.</translation>
    </message>
    <message>
        <source>The nodes&apos; running configs differ (or could not be read).</source>
        <translation>Las configuraciones en ejecución de los nodos difieren (o no se pudieron leer).</translation>
    </message>
    <message>
        <source>The selected connection&apos;s editor has no draft to apply.</source>
        <translation>El editor de la conexión seleccionada no tiene ningún borrador que aplicar.</translation>
    </message>
    <message>
        <source>Not applied: every node of the fleet must be open.</source>
        <translation>No aplicado: cada nodo de la flota debe estar abierto.</translation>
    </message>
    <message>
        <source>Dry run on every node…</source>
        <translation>Simulación en cada nodo…</translation>
    </message>
    <message>
        <source>The dry run failed on a node: nothing was applied anywhere.</source>
        <translation>La simulación falló en un nodo: no se aplicó nada en ninguna parte.</translation>
    </message>
    <message numerus="yes">
        <source>Apply the draft to %n node(s), one at a time, in this order: %1?
Each node must report healthy before the next one is changed.</source>
        <translation>
            <numerusform>¿Aplicar el borrador a %n nodo, uno a la vez, en este orden: %1?
Cada nodo debe informar que está sano antes de cambiar el siguiente.</numerusform>
            <numerusform>¿Aplicar el borrador a %n nodos, uno a la vez, en este orden: %1?
Cada nodo debe informar que está sano antes de cambiar el siguiente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply to Fleet</source>
        <translation>Aplicar a la flota</translation>
    </message>
    <message>
        <source>Dry run done; nothing applied.</source>
        <translation>Simulación terminada; no se aplicó nada.</translation>
    </message>
    <message>
        <source>Rolling out…</source>
        <translation>Desplegando…</translation>
    </message>
    <message>
        <source>Runs the draft already: nothing to change.</source>
        <translation>Ya ejecuta el borrador: nada que cambiar.</translation>
    </message>
    <message>
        <source>Impact: %1</source>
        <translation>Impacto: %1</translation>
    </message>
    <message>
        <source>Drain Host Everywhere</source>
        <translation>Drenar host en todas partes</translation>
    </message>
    <message>
        <source>Host name to drain on every node of the fleet:</source>
        <translation>Nombre del host que drenar en cada nodo de la flota:</translation>
    </message>
    <message>
        <source>Draining host %1 on every node…</source>
        <translation>Drenando el host %1 en cada nodo…</translation>
    </message>
    <message>
        <source>Draining: %1</source>
        <translation>Drenando: %1</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>drenado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>Host %1 is draining on every node.</source>
        <translation>El host %1 se está drenando en cada nodo.</translation>
    </message>
    <message>
        <source>Host %1 could not be drained on every node.</source>
        <translation>El host %1 no se pudo drenar en cada nodo.</translation>
    </message>
    <message>
        <source>Keep draining</source>
        <translation>Seguir vaciando</translation>
    </message>
    <message>
        <source>Remove the host</source>
        <translation>Eliminar el host</translation>
    </message>
    <message>
        <source>Set to maintenance</source>
        <translation>Poner en mantenimiento</translation>
    </message>
    <message>
        <source>When host %1 is empty or its deadline passed:</source>
        <translation>Cuando el host %1 esté vacío o venza su plazo:</translation>
    </message>
    <message>
        <source>Deadline (such as 90s, 10m or 1h; empty: each node&apos;s drain timeout):</source>
        <translation>Plazo (por ejemplo 90s, 10m o 1h; vacío: el tiempo de vaciado de cada nodo):</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration; write for example 90s, 10m or 1h.</source>
        <translation>«%1» no es una duración; escriba por ejemplo 90s, 10m o 1h.</translation>
    </message>
</context>
<context>
    <name>Balancier::HistoryPanel</name>
    <message>
        <source>Config versions</source>
        <translation>Versiones de la configuración</translation>
    </message>
    <message>
        <source>Changes of the selected version</source>
        <translation>Cambios de la versión seleccionada</translation>
    </message>
    <message>
        <source>&amp;Roll Back to This Version…</source>
        <translation>Res&amp;taurar esta versión…</translation>
    </message>
    <message>
        <source>Make the selected version the running config again (shows what changes first)</source>
        <translation>Volver a poner en ejecución la versión seleccionada (muestra antes qué cambia)</translation>
    </message>
    <message>
        <source>No versions yet: the history starts when a balancer is connected.</source>
        <translation>Aún no hay versiones: el historial empieza cuando se conecta un balanceador.</translation>
    </message>
    <message>
        <source>Select a version to see its changes.</source>
        <translation>Seleccione una versión para ver sus cambios.</translation>
    </message>
    <message>
        <source>Version %1, %2: %3. The first version seen, so no changes to show.</source>
        <translation>Versión %1, %2: %3. Es la primera versión vista, así que no hay cambios que mostrar.</translation>
    </message>
    <message numerus="yes">
        <source>Version %1, %2: %3. %n change(s) from the version before:</source>
        <translation>
            <numerusform>Versión %1, %2: %3. %n cambio respecto a la versión anterior:</numerusform>
            <numerusform>Versión %1, %2: %3. %n cambios respecto a la versión anterior:</numerusform>
        </translation>
    </message>
    <message>
        <source>Ve&amp;rsions of the running config:</source>
        <translation>Versi&amp;ones de la configuración en ejecución:</translation>
    </message>
</context>
<context>
    <name>Balancier::HostDrainDialog</name>
    <message>
        <source>Drain with Deadline</source>
        <translation>Vaciar con plazo</translation>
    </message>
    <message>
        <source>How long the open connections may take, such as 90s, 10m or 1h; empty: the balancer&apos;s drain timeout</source>
        <translation>Cuánto pueden durar las conexiones abiertas, por ejemplo 90s, 10m o 1h; vacío: el tiempo de vaciado del balanceador</translation>
    </message>
    <message>
        <source>Keep draining</source>
        <translation>Seguir vaciando</translation>
    </message>
    <message>
        <source>Remove the host</source>
        <translation>Eliminar el host</translation>
    </message>
    <message>
        <source>Set to maintenance</source>
        <translation>Poner en mantenimiento</translation>
    </message>
    <message>
        <source>%v open</source>
        <translation>%v abiertas</translation>
    </message>
    <message numerus="yes">
        <source>Drain %n host(s): no new connections; the open ones finish, or are cut at the deadline.</source>
        <translation>
            <numerusform>Vaciar %n host: sin conexiones nuevas; las abiertas terminan o se cortan al vencer el plazo.</numerusform>
            <numerusform>Vaciar %n hosts: sin conexiones nuevas; las abiertas terminan o se cortan al vencer el plazo.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Plazo:</translation>
    </message>
    <message>
        <source>&amp;Then:</source>
        <translation>&amp;Después:</translation>
    </message>
    <message>
        <source>&amp;Start Drain</source>
        <translation>&amp;Iniciar vaciado</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration; write for example 90s, 10m or 1h.</source>
        <translation>«%1» no es una duración; escriba por ejemplo 90s, 10m o 1h.</translation>
    </message>
    <message>
        <source>Starting the drain…</source>
        <translation>Iniciando el vaciado…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Drained; the host was removed.</source>
        <translation>Vaciado; el host se eliminó.</translation>
    </message>
    <message>
        <source>Drained: no open connection left.</source>
        <translation>Vaciado: no queda ninguna conexión abierta.</translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s), %1 left</source>
        <translation>
            <numerusform>%n conexión abierta, quedan %1</numerusform>
            <numerusform>%n conexiones abiertas, quedan %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n conexión abierta</numerusform>
            <numerusform>%n conexiones abiertas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::HostHistoryModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>Balancier::LocalClient</name>
    <message>
        <source>Local balancer: %1</source>
        <translation>Balanceador local: %1</translation>
    </message>
    <message>
        <source>Cannot run %1:
%2</source>
        <translation>No se puede ejecutar %1:
%2</translation>
    </message>
    <message>
        <source>The balancer refused the config:
%1</source>
        <translation>El balanceador rechazó la configuración:
%1</translation>
    </message>
    <message>
        <source>The local balancer is not running.</source>
        <translation>El balanceador local no está en ejecución.</translation>
    </message>
    <message>
        <source>No host %1 in group %2 of service %3.</source>
        <translation>No hay ningún host %1 en el grupo %2 del servicio %3.</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>The running config has changed since the draft was based on it.</source>
        <translation>La configuración en ejecución ha cambiado desde que el borrador se basó en ella.</translation>
    </message>
    <message>
        <source>Version %1 is not in the config history.</source>
        <translation>La versión %1 no está en el historial de configuración.</translation>
    </message>
    <message>
        <source>config history version %1</source>
        <translation>versión %1 del historial de configuración</translation>
    </message>
</context>
<context>
    <name>Balancier::LogView</name>
    <message>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>All, with debug</source>
        <translation>Todo, con depuración</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Información y superior</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Advertencias y errores</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severidad</translation>
    </message>
    <message>
        <source>Filter the log</source>
        <translation>Filtrar el registro</translation>
    </message>
    <message>
        <source>Log filter</source>
        <translation>Filtro del registro</translation>
    </message>
    <message>
        <source>Co&amp;py All</source>
        <translation>Copiar &amp;todo</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Severidad:</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
</context>
<context>
    <name>Balancier::MainWindow</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <source>&amp;Configuration</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totales</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Conectar…</translation>
    </message>
    <message>
        <source>Connect to a balancer, or run a config in this app</source>
        <translation>Conectar a un balanceador o ejecutar una configuración en esta aplicación</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Desconectar</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Filter Hosts</source>
        <translation>&amp;Filtrar hosts</translation>
    </message>
    <message>
        <source>Confi&amp;g</source>
        <translation>Confi&amp;guración</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Balancier</source>
        <translation>&amp;Acerca de Balancier</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Password of %1 at %2:</source>
        <translation>Contraseña de %1 en %2:</translation>
    </message>
    <message>
        <source>Untrusted Certificate</source>
        <translation>Certificado no fiable</translation>
    </message>
    <message>
        <source>The balancer&apos;s certificate is not trusted:
%1

Subject: %2
Issuer: %3
SHA-256: %4

Trust this certificate for this connection profile? Only do so if you recognise the fingerprint.</source>
        <translation>El certificado del balanceador no es de confianza:
%1

Sujeto: %2
Emisor: %3
SHA-256: %4

¿Confiar en este certificado para este perfil de conexión? Hágalo solo si reconoce la huella.</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>&amp;Confiar</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Not connected. Connect to a running balancierd, or run a config file in this app.</source>
        <translation>Sin conexión. Conéctese a un balancierd en ejecución o ejecute un archivo de configuración en esta aplicación.</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Conectar…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>%1 Trying again with growing pauses (next within %2 s).</source>
        <translation>%1 Se reintentará con pausas crecientes (el próximo en %2 s como máximo).</translation>
    </message>
    <message>
        <source>Retry &amp;Now</source>
        <translation>&amp;Reintentar ahora</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Desconectado.</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Reconectar</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n servicio</numerusform>
            <numerusform>%n servicios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s) up</source>
        <translation>
            <numerusform>%1 de %n host disponible</numerusform>
            <numerusform>%1 de %n hosts disponibles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n conexión abierta</numerusform>
            <numerusform>%n conexiones abiertas</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1, out %2</source>
        <translation>entrada %1, salida %2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>inactivo</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>%1[*] — %2 — Balancier</source>
        <translation>%1[*] — %2 — Balancier</translation>
    </message>
    <message>
        <source>About Balancier</source>
        <translation>Acerca de Balancier</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Balancier %1&lt;/h3&gt;&lt;p&gt;A TCP load balancer with a live admin API and this desktop console.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Balancier %1&lt;/h3&gt;&lt;p&gt;Un balanceador de carga TCP con una API de administración en vivo y esta consola de escritorio.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Registro</translation>
    </message>
    <message>
        <source>probe</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>New &amp;Window</source>
        <translation>Nueva &amp;ventana</translation>
    </message>
    <message>
        <source>Open another window for another connection</source>
        <translation>Abrir otra ventana para otra conexión</translation>
    </message>
    <message>
        <source>Every open connection side by side, with its health</source>
        <translation>Todas las conexiones abiertas una junto a otra, con su estado de salud</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>conexión</translation>
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
        <translation>configuración</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) applied: </source>
        <translation>
            <numerusform>%n cambio aplicado: </numerusform>
            <numerusform>%n cambios aplicados: </numerusform>
        </translation>
    </message>
    <message>
        <source>Clos&amp;e Window</source>
        <translation>C&amp;errar ventana</translation>
    </message>
    <message>
        <source>Flee&amp;t Overview</source>
        <translation>Vista general de la f&amp;lota</translation>
    </message>
    <message>
        <source>Ho&amp;st</source>
        <translation>&amp;Host</translation>
    </message>
    <message>
        <source>daemon</source>
        <translation>demonio</translation>
    </message>
    <message>
        <source>Co&amp;nnections</source>
        <translation>Co&amp;nexiones</translation>
    </message>
    <message>
        <source>The open connections, why each went to its backend, and the top talkers</source>
        <translation>Las conexiones abiertas, por qué cada una fue a su backend, y los clientes más activos</translation>
    </message>
</context>
<context>
    <name>Balancier::NodeHealth</name>
    <message>
        <source>master</source>
        <translation>maestro</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>respaldo</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
</context>
<context>
    <name>Balancier::PreferencesDialog</name>
    <message>
        <source>Notify when a host goes down or comes back</source>
        <translation>Avisar cuando un host cae o vuelve</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Predeterminado del sistema (%1)</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> por segundo</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>A new language applies when the app starts again.</source>
        <translation>Un idioma nuevo se aplica al volver a iniciar la aplicación.</translation>
    </message>
    <message>
        <source>Dashboard &amp;updates:</source>
        <translation>&amp;Actualizaciones del panel:</translation>
    </message>
    <message>
        <source>Saved connection profiles</source>
        <translation>Perfiles de conexión guardados</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>&amp;Forget Certificate</source>
        <translation>&amp;Olvidar certificado</translation>
    </message>
    <message>
        <source>%1 — runs %2</source>
        <translation>%1 — ejecuta %2</translation>
    </message>
    <message>
        <source>%1 — %2 as %3</source>
        <translation>%1 — %2 como %3</translation>
    </message>
    <message>
        <source>(trusts a certificate)</source>
        <translation>(confía en un certificado)</translation>
    </message>
</context>
<context>
    <name>Balancier::PropertyForm</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Admin API</source>
        <translation>API de administración</translation>
    </message>
    <message>
        <source>Admin user %1</source>
        <translation>Usuario admin %1</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Servicio %1</translation>
    </message>
    <message>
        <source>Listener %1 of service %2</source>
        <translation>Escucha %1 del servicio %2</translation>
    </message>
    <message>
        <source>Group %1 of service %2</source>
        <translation>Grupo %1 del servicio %2</translation>
    </message>
    <message>
        <source>Host %1 in group %2</source>
        <translation>Host %1 del grupo %2</translation>
    </message>
    <message>
        <source>Select an item to edit it.</source>
        <translation>Seleccione un elemento para editarlo.</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propiedades</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>sin cambios</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Línea %1: %2</translation>
    </message>
</context>
<context>
    <name>Balancier::RemoteClient</name>
    <message>
        <source>%1 as %2</source>
        <translation>%1 como %2</translation>
    </message>
    <message>
        <source>The server refused user &quot;%1&quot; or its password.</source>
        <translation>El servidor rechazó el usuario «%1» o su contraseña.</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>Estado HTTP %1</translation>
    </message>
    <message>
        <source>HTTP status %1: %2</source>
        <translation>Estado HTTP %1: %2</translation>
    </message>
    <message>
        <source>Not saved on the server: %1</source>
        <translation>No guardado en el servidor: %1</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted.</source>
        <translation>El certificado de %1 no es de confianza.</translation>
    </message>
    <message>
        <source>no data for %1 s</source>
        <translation>sin datos desde hace %1 s</translation>
    </message>
    <message>
        <source>the server closed the event stream</source>
        <translation>el servidor cerró el flujo de eventos</translation>
    </message>
    <message>
        <source>Connection to %1 lost: %2</source>
        <translation>Se perdió la conexión con %1: %2</translation>
    </message>
    <message>
        <source>GET /api/v1/health: HTTP status %1</source>
        <translation>GET /api/v1/health: estado HTTP %1</translation>
    </message>
</context>
<context>
    <name>Balancier::RoutesEditor</name>
    <message>
        <source>Clients that do not speak TLS</source>
        <translation>Clientes que no hablan TLS</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>TLS routes, first match decides; drag to reorder</source>
        <translation>Rutas TLS, decide la primera que coincide; arrastre para reordenar</translation>
    </message>
    <message>
        <source>Server names of the selected route</source>
        <translation>Nombres de servidor de la ruta seleccionada</translation>
    </message>
    <message>
        <source>a.example, *.b.example</source>
        <translation>a.example, *.b.example</translation>
    </message>
    <message>
        <source>ALPN protocols of the selected route</source>
        <translation>Protocolos ALPN de la ruta seleccionada</translation>
    </message>
    <message>
        <source>h2, http/1.1</source>
        <translation>h2, http/1.1</translation>
    </message>
    <message>
        <source>Group of the selected route</source>
        <translation>Grupo de la ruta seleccionada</translation>
    </message>
    <message>
        <source>Move the route up</source>
        <translation>Subir la ruta</translation>
    </message>
    <message>
        <source>Move the route down</source>
        <translation>Bajar la ruta</translation>
    </message>
    <message>
        <source>Server names</source>
        <translation>Nombres de servidor</translation>
    </message>
    <message>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Silence of the plain route</source>
        <translation>Silencio de la ruta en claro</translation>
    </message>
    <message>
        <source>1s</source>
        <translation>1s</translation>
    </message>
    <message>
        <source>Plain route only: a client that sends nothing this long (an SSH client waiting for the server&apos;s banner) takes this route. Empty: 1s.</source>
        <translation>Solo ruta en claro: un cliente que no envía nada durante este tiempo (un cliente SSH que espera el banner del servidor) toma esta ruta. Vacío: 1s.</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silencio</translation>
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
        <translation>Prefijo de cliente</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abiertas</translation>
    </message>
    <message>
        <source>New connections</source>
        <translation>Conexiones nuevas</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Salida</translation>
    </message>
</context>
<context>
    <name>Balancier::TimelineStrip</name>
    <message>
        <source>State timeline</source>
        <translation>Cronología de estados</translation>
    </message>
    <message>
        <source>No state changes recorded.</source>
        <translation>No hay cambios de estado registrados.</translation>
    </message>
    <message numerus="yes">
        <source>%n state change(s); now %1 since %2.</source>
        <translation>
            <numerusform>%n cambio de estado; ahora %1 desde %2.</numerusform>
            <numerusform>%n cambios de estado; ahora %1 desde %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>No history</source>
        <translation>Sin historial</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 desde %2</translation>
    </message>
</context>
<context>
    <name>Balancier::TrafficGraph</name>
    <message>
        <source>idle</source>
        <translation>inactivo</translation>
    </message>
    <message>
        <source>Traffic graph</source>
        <translation>Gráfico de tráfico</translation>
    </message>
    <message>
        <source>Select a service, group or host to see its traffic.</source>
        <translation>Seleccione un servicio, grupo o host para ver su tráfico.</translation>
    </message>
    <message>
        <source>No traffic recorded yet for %1.</source>
        <translation>Aún no hay tráfico registrado para %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 over the last %n minute(s): %2 open connections (peak %3); throughput %4 (peak %5).</source>
        <translation>
            <numerusform>%1 en el último %n minuto: %2 conexiones abiertas (pico %3); rendimiento %4 (pico %5).</numerusform>
            <numerusform>%1 en los últimos %n minutos: %2 conexiones abiertas (pico %3); rendimiento %4 (pico %5).</numerusform>
        </translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Rendimiento</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>pico %1</translation>
    </message>
    <message>
        <source>No selection</source>
        <translation>Sin selección</translation>
    </message>
    <message>
        <source>Collecting…</source>
        <translation>Recopilando…</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>hace %n minuto</numerusform>
            <numerusform>hace %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
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
        <translation>Balancier: sin conexión</translation>
    </message>
    <message>
        <source>Balancier: all hosts up</source>
        <translation>Balancier: todos los hosts disponibles</translation>
    </message>
    <message>
        <source>Balancier: some hosts are down</source>
        <translation>Balancier: algunos hosts están caídos</translation>
    </message>
    <message>
        <source>Balancier: a service has no host up</source>
        <translation>Balancier: un servicio no tiene ningún host disponible</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) down</source>
        <translation>
            <numerusform>%n host caído</numerusform>
            <numerusform>%n hosts caídos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) back up</source>
        <translation>
            <numerusform>%n host disponible de nuevo</numerusform>
            <numerusform>%n hosts disponibles de nuevo</numerusform>
        </translation>
    </message>
    <message>
        <source>Balancier: a connection is lost</source>
        <translation>Balancier: se ha perdido una conexión</translation>
    </message>
    <message numerus="yes">
        <source>Every host down in %n group(s)</source>
        <translation>
            <numerusform>Todos los hosts caídos en %n grupo</numerusform>
            <numerusform>Todos los hosts caídos en %n grupos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) serving again</source>
        <translation>
            <numerusform>%n grupo sirve de nuevo</numerusform>
            <numerusform>%n grupos sirven de nuevo</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Balancier::WindowManager</name>
    <message>
        <source>Show Balancier</source>
        <translation>Mostrar Balancier</translation>
    </message>
    <message>
        <source>Fleet Overview</source>
        <translation>Vista general de la flota</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>Balancier::XmlSourceEdit</name>
    <message>
        <source>XML source</source>
        <translation>Código XML</translation>
    </message>
</context>
<context>
    <name>ChangeImpact</name>
    <message numerus="yes">
        <source>stops service %1: its listeners close and %n open connection(s) drain</source>
        <translation>
            <numerusform>detiene el servicio %1: sus escuchas se cierran y %n conexión abierta se drena</numerusform>
            <numerusform>detiene el servicio %1: sus escuchas se cierran y %n conexiones abiertas se drenan</numerusform>
        </translation>
    </message>
    <message>
        <source>stops accepting connections on %1</source>
        <translation>deja de aceptar conexiones en %1</translation>
    </message>
    <message>
        <source>starts accepting connections on %1</source>
        <translation>empieza a aceptar conexiones en %1</translation>
    </message>
    <message numerus="yes">
        <source>drains group %1 (%n open connection(s))</source>
        <translation>
            <numerusform>drena el grupo %1 (%n conexión abierta)</numerusform>
            <numerusform>drena el grupo %1 (%n conexiones abiertas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>new connections go to group %1; %n open connection(s) stay on %2</source>
        <translation>
            <numerusform>las conexiones nuevas van al grupo %1; %n conexión abierta sigue en %2</numerusform>
            <numerusform>las conexiones nuevas van al grupo %1; %n conexiones abiertas siguen en %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>drains host %1 (%n open connection(s))</source>
        <translation>
            <numerusform>drena el host %1 (%n conexión abierta)</numerusform>
            <numerusform>drena el host %1 (%n conexiones abiertas)</numerusform>
        </translation>
    </message>
    <message>
        <source>host %1 starts taking connections once it is up</source>
        <translation>el host %1 acepta conexiones en cuanto esté disponible</translation>
    </message>
    <message numerus="yes">
        <source>takes host %1 out of rotation (%n open connection(s) finish)</source>
        <translation>
            <numerusform>saca el host %1 de la rotación (%n conexión abierta termina)</numerusform>
            <numerusform>saca el host %1 de la rotación (%n conexiones abiertas terminan)</numerusform>
        </translation>
    </message>
    <message>
        <source>host %1 changes state</source>
        <translation>el host %1 cambia de estado</translation>
    </message>
    <message numerus="yes">
        <source>new connections to %1 go to the new address; %n open connection(s) stay</source>
        <translation>
            <numerusform>las conexiones nuevas a %1 van a la dirección nueva; %n conexión abierta se mantiene</numerusform>
            <numerusform>las conexiones nuevas a %1 van a la dirección nueva; %n conexiones abiertas se mantienen</numerusform>
        </translation>
    </message>
    <message>
        <source>shifts the share of new connections of %1</source>
        <translation>cambia la proporción de conexiones nuevas de %1</translation>
    </message>
    <message>
        <source>user %1 can no longer log in</source>
        <translation>el usuario %1 ya no podrá iniciar sesión</translation>
    </message>
    <message>
        <source>the admin API restarts; this app reconnects</source>
        <translation>la API de administración se reinicia; esta aplicación se reconecta</translation>
    </message>
    <message>
        <source>adds service %1</source>
        <translation>añade el servicio %1</translation>
    </message>
    <message numerus="yes">
        <source>stops service %1 (%n open connection(s))</source>
        <translation>
            <numerusform>detiene el servicio %1 (%n conexión abierta)</numerusform>
            <numerusform>detiene el servicio %1 (%n conexiones abiertas)</numerusform>
        </translation>
    </message>
    <message>
        <source>rebinds listener %1 to %2</source>
        <translation>mueve la escucha %1 a %2</translation>
    </message>
    <message>
        <source>opens listener %1</source>
        <translation>abre la escucha %1</translation>
    </message>
    <message>
        <source>adds group %1 to service %2</source>
        <translation>añade el grupo %1 al servicio %2</translation>
    </message>
    <message>
        <source>switches service %1 to group &apos;%2&apos;</source>
        <translation>cambia el servicio %1 al grupo «%2»</translation>
    </message>
    <message>
        <source>switches group %1 to scheduler %2</source>
        <translation>cambia el grupo %1 al planificador %2</translation>
    </message>
    <message>
        <source>changes the health checks of group %1</source>
        <translation>cambia las comprobaciones de salud del grupo %1</translation>
    </message>
    <message>
        <source>adds host %1</source>
        <translation>añade el host %1</translation>
    </message>
    <message>
        <source>takes host %1 out of rotation</source>
        <translation>saca el host %1 de la rotación</translation>
    </message>
    <message>
        <source>puts host %1 back into rotation</source>
        <translation>devuelve el host %1 a la rotación</translation>
    </message>
    <message>
        <source>moves host %1 to %2</source>
        <translation>mueve el host %1 a %2</translation>
    </message>
    <message>
        <source>sets the weight of host %1 to %2</source>
        <translation>fija el peso del host %1 en %2</translation>
    </message>
    <message>
        <source>sets the connection limit of host %1 to %2</source>
        <translation>fija el límite de conexiones del host %1 en %2</translation>
    </message>
    <message>
        <source>adds admin user %1</source>
        <translation>añade el usuario admin %1</translation>
    </message>
    <message>
        <source>removes admin user %1</source>
        <translation>quita el usuario admin %1</translation>
    </message>
    <message>
        <source>changes admin user %1</source>
        <translation>cambia el usuario admin %1</translation>
    </message>
    <message>
        <source>changes the %1 of service %2</source>
        <translation>cambia «%1» del servicio %2</translation>
    </message>
    <message>
        <source>changes the %1 settings</source>
        <translation>cambia los ajustes «%1»</translation>
    </message>
    <message>
        <source>closes listener %1</source>
        <translation>cierra la escucha %1</translation>
    </message>
    <message>
        <source>; the clients it kept are placed on other hosts</source>
        <translation>; los clientes que tenía asignados pasan a otros hosts</translation>
    </message>
    <message>
        <source>new connections are placed by %1; clients lose the host %2 kept for them</source>
        <translation>las conexiones nuevas las reparte %1; los clientes pierden el host que %2 les tenía asignado</translation>
    </message>
    <message>
        <source>new connections are placed by %1; open connections stay</source>
        <translation>las conexiones nuevas las reparte %1; las conexiones abiertas se mantienen</translation>
    </message>
    <message>
        <source>host %1 starts taking connections once it is up; the clients that hash to it move to it</source>
        <translation>el host %1 acepta conexiones en cuanto esté disponible; los clientes cuyo hash le corresponde pasan a él</translation>
    </message>
    <message>
        <source>host %1 takes new clients once it is up; known clients keep their hosts</source>
        <translation>el host %1 acepta clientes nuevos en cuanto esté disponible; los clientes conocidos conservan su host</translation>
    </message>
    <message numerus="yes">
        <source>no new connections to host %1; %n open connection(s) finish</source>
        <translation>
            <numerusform>ninguna conexión nueva al host %1; %n conexión abierta termina</numerusform>
            <numerusform>ninguna conexión nueva al host %1; %n conexiones abiertas terminan</numerusform>
        </translation>
    </message>
    <message>
        <source>host %1 takes new connections again</source>
        <translation>el host %1 vuelve a aceptar conexiones nuevas</translation>
    </message>
    <message>
        <source>no effect on traffic: %1 ignores weights</source>
        <translation>sin efecto en el tráfico: %1 ignora los pesos</translation>
    </message>
    <message>
        <source>host %1 gets a larger share of new connections</source>
        <translation>el host %1 recibe una proporción mayor de conexiones nuevas</translation>
    </message>
    <message>
        <source>host %1 gets a smaller share of new connections</source>
        <translation>el host %1 recibe una proporción menor de conexiones nuevas</translation>
    </message>
    <message>
        <source>host %1 is given more open connections than before, relative to the others</source>
        <translation>el host %1 recibe más conexiones abiertas que antes, en relación con los demás</translation>
    </message>
    <message>
        <source>host %1 is given fewer open connections than before, relative to the others</source>
        <translation>el host %1 recibe menos conexiones abiertas que antes, en relación con los demás</translation>
    </message>
    <message>
        <source>some clients move to host %1 (its part of the hash ring grows)</source>
        <translation>algunos clientes pasan al host %1 (su parte del anillo de hash crece)</translation>
    </message>
    <message>
        <source>some clients of host %1 move to other hosts (its part of the hash ring shrinks)</source>
        <translation>algunos clientes del host %1 pasan a otros hosts (su parte del anillo de hash se reduce)</translation>
    </message>
    <message>
        <source>changes the scheduling options of group %1</source>
        <translation>cambia las opciones del planificador del grupo %1</translation>
    </message>
    <message>
        <source>the scheduler is rebuilt with the new options; some clients move to another host, open connections stay</source>
        <translation>el planificador se reconstruye con las nuevas opciones; algunos clientes pasan a otro host, las conexiones abiertas se mantienen</translation>
    </message>
    <message>
        <source>the scheduler is rebuilt with the new options; open connections stay</source>
        <translation>el planificador se reconstruye con las nuevas opciones; las conexiones abiertas se mantienen</translation>
    </message>
    <message>
        <source>some clients move to host %1 (its part of the Maglev table grows)</source>
        <translation>algunos clientes pasan al host %1 (su parte de la tabla Maglev crece)</translation>
    </message>
    <message>
        <source>some clients of host %1 move to other hosts (its part of the Maglev table shrinks)</source>
        <translation>algunos clientes del host %1 pasan a otros hosts (su parte de la tabla Maglev se reduce)</translation>
    </message>
    <message>
        <source>changes the PROXY protocol header sent to the hosts of group %1</source>
        <translation>cambia la cabecera del protocolo PROXY enviada a los hosts del grupo %1</translation>
    </message>
    <message numerus="yes">
        <source>new connections to host %1 start with the new PROXY protocol header; %n open connection(s) stay as they are</source>
        <translation>
            <numerusform>las conexiones nuevas al host %1 empiezan con la nueva cabecera del protocolo PROXY; %n conexión abierta sigue como está</numerusform>
            <numerusform>las conexiones nuevas al host %1 empiezan con la nueva cabecera del protocolo PROXY; %n conexiones abiertas siguen como están</numerusform>
        </translation>
    </message>
    <message>
        <source>new connections to the hosts of group %1 get no PROXY protocol header; open connections stay</source>
        <translation>las conexiones nuevas a los hosts del grupo %1 no reciben cabecera del protocolo PROXY; las conexiones abiertas siguen</translation>
    </message>
    <message>
        <source>new connections to the hosts of group %1 start with a PROXY %2 header (a host must expect it); open connections stay</source>
        <translation>las conexiones nuevas a los hosts del grupo %1 empiezan con una cabecera PROXY %2 (un host debe esperarla); las conexiones abiertas siguen</translation>
    </message>
    <message>
        <source>the listener keeps its socket; its new PROXY protocol options apply to new connections</source>
        <translation>el listener conserva su socket; sus nuevas opciones del protocolo PROXY se aplican a las conexiones nuevas</translation>
    </message>
    <message>
        <source>lets new clients from %1 into service %2</source>
        <translation>deja entrar a los clientes nuevos de %1 en el servicio %2</translation>
    </message>
    <message>
        <source>refuses new clients from %1 at service %2; open connections stay</source>
        <translation>rechaza a los clientes nuevos de %1 en el servicio %2; las conexiones abiertas siguen</translation>
    </message>
    <message>
        <source>drops the %1 rule for %2 from service %3&apos;s ACL</source>
        <translation>quita la regla %1 para %2 de la ACL del servicio %3</translation>
    </message>
    <message>
        <source>changes the ACL of service %1; open connections stay</source>
        <translation>cambia la ACL del servicio %1; las conexiones abiertas siguen</translation>
    </message>
    <message>
        <source>changes what group %1 does when a host goes down or a primary comes back</source>
        <translation>cambia lo que hace el grupo %1 cuando un host cae o vuelve un primario</translation>
    </message>
    <message>
        <source>applies at the next health change of a host of group %1; open connections stay</source>
        <translation>se aplica en el próximo cambio de estado de un host del grupo %1; las conexiones abiertas siguen</translation>
    </message>
    <message>
        <source>changes how new TLS clients of service %1 are routed; open connections stay</source>
        <translation>cambia el encaminamiento de los nuevos clientes TLS del servicio %1; las conexiones abiertas se mantienen</translation>
    </message>
    <message>
        <source>changes where alert %1 is sent; traffic is not affected</source>
        <translation>cambia adónde se envía la alerta %1; el tráfico no se ve afectado</translation>
    </message>
    <message>
        <source>changes the DNS discovery of group %1</source>
        <translation>cambia el descubrimiento DNS del grupo %1</translation>
    </message>
    <message>
        <source>discovery of group %1 starts again with a lookup now; hosts whose record is gone drain, then leave</source>
        <translation>el descubrimiento del grupo %1 empieza de nuevo con una consulta ahora; los hosts cuyo registro desapareció se vacían y luego salen</translation>
    </message>
    <message>
        <source>the listener keeps its socket; new TLS handshakes use its new TLS settings, open connections keep theirs</source>
        <translation>el listener conserva su socket; las nuevas negociaciones TLS usan sus nuevos ajustes TLS, las conexiones abiertas conservan los suyos</translation>
    </message>
    <message>
        <source>changes the slow start or agent check of group %1</source>
        <translation>cambia el arranque gradual o la comprobación por agente del grupo %1</translation>
    </message>
</context>
<context>
    <name>ConfigFields</name>
    <message>
        <source>Enter a duration, e.g. 30s.</source>
        <translation>Escriba una duración, p. ej. 30s.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration: use e.g. 500ms, 30s, 5m, 1h or 1d.</source>
        <translation>«%1» no es una duración: use p. ej. 500ms, 30s, 5m, 1h o 1d.</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <translation>Como máximo %1.</translation>
    </message>
    <message>
        <source>Not an address (%1): use host:port, e.g. 127.0.0.1:8080 or [::1]:80.</source>
        <translation>No es una dirección (%1): use host:puerto, p. ej. 127.0.0.1:8080 o [::1]:80.</translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>Hilos de trabajo</translation>
    </message>
    <message>
        <source>Proxy threads; 0 means one per CPU core.</source>
        <translation>Hilos del proxy; 0 significa uno por núcleo de CPU.</translation>
    </message>
    <message>
        <source>Connection limit</source>
        <translation>Límite de conexiones</translation>
    </message>
    <message>
        <source>Most client connections at once; 0 means no limit.</source>
        <translation>Máximo de conexiones de cliente a la vez; 0 significa sin límite.</translation>
    </message>
    <message>
        <source>Drain timeout</source>
        <translation>Plazo de drenado</translation>
    </message>
    <message>
        <source>How long open connections may finish when the balancer stops.</source>
        <translation>Cuánto tiempo pueden terminar las conexiones abiertas cuando el balanceador se detiene.</translation>
    </message>
    <message>
        <source>Save runtime changes</source>
        <translation>Guardar los cambios en ejecución</translation>
    </message>
    <message>
        <source>Only when asked</source>
        <translation>Solo cuando se pida</translation>
    </message>
    <message>
        <source>At once (auto)</source>
        <translation>Al instante (auto)</translation>
    </message>
    <message>
        <source>Retry failed hosts after</source>
        <translation>Reintentar hosts fallidos tras</translation>
    </message>
    <message>
        <source>Minimum time before a failed host is tried again.</source>
        <translation>Tiempo mínimo antes de volver a probar un host fallido.</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Plazo de conexión</translation>
    </message>
    <message>
        <source>Default for every service.</source>
        <translation>Valor predeterminado para cada servicio.</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Plazo de inactividad</translation>
    </message>
    <message>
        <source>Default for every service; 0 means none.</source>
        <translation>Valor predeterminado para cada servicio; 0 significa ninguno.</translation>
    </message>
    <message>
        <source>Probe hosts that are up</source>
        <translation>Sondear los hosts disponibles</translation>
    </message>
    <message>
        <source>Health checks while a host is up (down hosts are always probed).</source>
        <translation>Comprobaciones de salud mientras un host está disponible (los caídos siempre se sondean).</translation>
    </message>
    <message>
        <source>Probe interval</source>
        <translation>Intervalo de sondeo</translation>
    </message>
    <message>
        <source>Probe timeout</source>
        <translation>Plazo de sondeo</translation>
    </message>
    <message>
        <source>Successes to come back up</source>
        <translation>Éxitos para volver</translation>
    </message>
    <message>
        <source>Failures to go down</source>
        <translation>Fallos para caer</translation>
    </message>
    <message>
        <source>Probe interval while down</source>
        <translation>Intervalo de sondeo si está caído</translation>
    </message>
    <message>
        <source>Probe interval when all are down</source>
        <translation>Intervalo de sondeo si todos están caídos</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Nivel de registro</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Depuración</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Crítico</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Archivo de registro</translation>
    </message>
    <message>
        <source>Empty: standard error (or the journal).</source>
        <translation>Vacío: salida de error estándar (o el journal).</translation>
    </message>
    <message>
        <source>Log every connection</source>
        <translation>Registrar cada conexión</translation>
    </message>
    <message>
        <source>Serve the admin API</source>
        <translation>Servir la API de administración</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Escuchar en</translation>
    </message>
    <message>
        <source>Loopback unless TLS is set up (or insecure is allowed).</source>
        <translation>Loopback salvo que haya TLS (o se permita lo inseguro).</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>Certificado TLS (PEM)</translation>
    </message>
    <message>
        <source>TLS key (PEM)</source>
        <translation>Clave TLS (PEM)</translation>
    </message>
    <message>
        <source>Allow plain HTTP on a public address</source>
        <translation>Permitir HTTP sin cifrar en una dirección pública</translation>
    </message>
    <message>
        <source>Metrics without a password</source>
        <translation>Métricas sin contraseña</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Acceso</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Completo</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Solo lectura</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>Stored as a PBKDF2 hash; the password itself is never saved.</source>
        <translation>Se guarda como hash PBKDF2; la contraseña en sí nunca se guarda.</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Use al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Empty: the default from Settings.</source>
        <translation>Vacío: el valor predeterminado de Ajustes.</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <source>Enabled group</source>
        <translation>Grupo activo</translation>
    </message>
    <message>
        <source>New connections go to this group&apos;s hosts.</source>
        <translation>Las conexiones nuevas van a los hosts de este grupo.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>*:port for every interface; port 0 lets the system choose.</source>
        <translation>*:puerto para todas las interfaces; el puerto 0 deja elegir al sistema.</translation>
    </message>
    <message>
        <source>The service already listens there.</source>
        <translation>El servicio ya escucha ahí.</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>Planificador</translation>
    </message>
    <message>
        <source>Sticky time</source>
        <translation>Tiempo de adherencia</translation>
    </message>
    <message>
        <source>&quot;sticky&quot; scheduler: how long an idle client keeps its host.</source>
        <translation>Planificador «sticky»: cuánto tiempo conserva su host un cliente inactivo.</translation>
    </message>
    <message>
        <source>host:port of the backend.</source>
        <translation>host:puerto del backend.</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Share of new connections; 0 sends none.</source>
        <translation>Proporción de conexiones nuevas; 0 no envía ninguna.</translation>
    </message>
    <message>
        <source>Most open connections to this host; 0 means no limit.</source>
        <translation>Máximo de conexiones abiertas a este host; 0 significa sin límite.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>Drenar</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Mantenimiento</translation>
    </message>
    <message>
        <source>A user needs a name.</source>
        <translation>Un usuario necesita un nombre.</translation>
    </message>
    <message>
        <source>Another user is already called &quot;%1&quot;.</source>
        <translation>Otro usuario ya se llama «%1».</translation>
    </message>
    <message>
        <source>A service needs a name.</source>
        <translation>Un servicio necesita un nombre.</translation>
    </message>
    <message>
        <source>Another service is already called &quot;%1&quot;.</source>
        <translation>Otro servicio ya se llama «%1».</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>Un grupo necesita un nombre.</translation>
    </message>
    <message>
        <source>Another group is already called &quot;%1&quot;.</source>
        <translation>Otro grupo ya se llama «%1».</translation>
    </message>
    <message>
        <source>A host needs a name.</source>
        <translation>Un host necesita un nombre.</translation>
    </message>
    <message>
        <source>Another host is already called &quot;%1&quot;.</source>
        <translation>Otro host ya se llama «%1».</translation>
    </message>
    <message>
        <source>Pair: virtual address</source>
        <translation>Par: dirección virtual</translation>
    </message>
    <message>
        <source>The keepalived pair&apos;s virtual IP: on a local interface, this node is the master.</source>
        <translation>La IP virtual del par keepalived: si está en una interfaz local, este nodo es el maestro.</translation>
    </message>
    <message>
        <source>Pair: state file</source>
        <translation>Par: archivo de estado</translation>
    </message>
    <message>
        <source>Absolute path of the file keepalived&apos;s notify script writes MASTER, BACKUP or FAULT into; it decides the role when readable.</source>
        <translation>Ruta absoluta del archivo en el que el script de notificación de keepalived escribe MASTER, BACKUP o FAULT; si se puede leer, decide el rol.</translation>
    </message>
    <message>
        <source>Health check from any address</source>
        <translation>Comprobación de salud desde cualquier dirección</translation>
    </message>
    <message>
        <source>GET /api/v1/health answers clients that are not on loopback too (no password either way).</source>
        <translation>GET /api/v1/health responde también a clientes que no están en loopback (sin contraseña en ningún caso).</translation>
    </message>
    <message>
        <source>Table size</source>
        <translation>Tamaño de la tabla</translation>
    </message>
    <message>
        <source>&quot;maglev&quot; scheduler: entries of the lookup table, a prime number; at least 100 per host for an even spread.</source>
        <translation>Planificador «maglev»: entradas de la tabla de consulta, un número primo; al menos 100 por host para un reparto uniforme.</translation>
    </message>
    <message>
        <source>Enter a prime number from %1 to %2, such as %3.</source>
        <translation>Introduzca un número primo de %1 a %2, por ejemplo %3.</translation>
    </message>
    <message>
        <source>Balance factor</source>
        <translation>Factor de equilibrio</translation>
    </message>
    <message>
        <source>&quot;maglev&quot; scheduler: bounded load. A host with more than this factor times its share of the connections is skipped. Empty: no bound.</source>
        <translation>Planificador «maglev»: carga acotada. Se salta un host con más de este factor por su parte de las conexiones. Vacío: sin límite.</translation>
    </message>
    <message>
        <source>no bound</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>Enter a number above 1 and at most 100, such as 1.25, or leave it empty.</source>
        <translation>Introduzca un número mayor que 1 y como máximo 100, por ejemplo 1.25, o déjelo vacío.</translation>
    </message>
    <message>
        <source>Accept PROXY header</source>
        <translation>Aceptar cabecera PROXY</translation>
    </message>
    <message>
        <source>Clients of this listener are proxies (HAProxy, a cloud load balancer) that send a PROXY protocol header first; its address is then the client&apos;s.</source>
        <translation>Los clientes de este listener son proxies (HAProxy, un balanceador en la nube) que envían primero una cabecera del protocolo PROXY; su dirección es entonces la del cliente.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Version 1 (text)</source>
        <translation>Versión 1 (texto)</translation>
    </message>
    <message>
        <source>Version 2 (binary)</source>
        <translation>Versión 2 (binaria)</translation>
    </message>
    <message>
        <source>Version 1 or 2</source>
        <translation>Versión 1 o 2</translation>
    </message>
    <message>
        <source>Trusted proxies</source>
        <translation>Proxies de confianza</translation>
    </message>
    <message>
        <source>Addresses or networks allowed to send a PROXY header, comma-separated, e.g. 127.0.0.1, 10.0.0.0/8; anyone else is refused.</source>
        <translation>Direcciones o redes que pueden enviar una cabecera PROXY, separadas por comas, p. ej. 127.0.0.1, 10.0.0.0/8; cualquier otra se rechaza.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address or network: use e.g. 127.0.0.1, 10.0.0.0/8 or 2001:db8::/32.</source>
        <translation>«%1» no es una dirección ni una red: use p. ej. 127.0.0.1, 10.0.0.0/8 o 2001:db8::/32.</translation>
    </message>
    <message>
        <source>PROXY header timeout</source>
        <translation>Plazo de la cabecera PROXY</translation>
    </message>
    <message>
        <source>The whole header must arrive within this; otherwise the connection is closed.</source>
        <translation>La cabecera completa debe llegar en este plazo; si no, se cierra la conexión.</translation>
    </message>
    <message>
        <source>PROXY header</source>
        <translation>Cabecera PROXY</translation>
    </message>
    <message>
        <source>Sent to the hosts before the client&apos;s bytes, so that they see the client&apos;s address; a host must expect it (HAProxy&apos;s accept-proxy, nginx&apos;s proxy_protocol).</source>
        <translation>Se envía a los hosts antes de los bytes del cliente, para que vean la dirección del cliente; un host debe esperarla (accept-proxy de HAProxy, proxy_protocol de nginx).</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>What this host gets before the client&apos;s bytes; &quot;As the group&quot; follows the group&apos;s setting.</source>
        <translation>Lo que este host recibe antes de los bytes del cliente; «Como el grupo» sigue el ajuste del grupo.</translation>
    </message>
    <message>
        <source>As the group</source>
        <translation>Como el grupo</translation>
    </message>
    <message>
        <source>The connection log: one record per finished connection (docs/connection-log.md).</source>
        <translation>El registro de conexiones: una entrada por conexión terminada (docs/connection-log.md).</translation>
    </message>
    <message>
        <source>Connection log format</source>
        <translation>Formato del registro de conexiones</translation>
    </message>
    <message>
        <source>Text (key=value)</source>
        <translation>Texto (clave=valor)</translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation>Líneas JSON</translation>
    </message>
    <message>
        <source>Connection log destination</source>
        <translation>Destino del registro de conexiones</translation>
    </message>
    <message>
        <source>The balancer&apos;s log</source>
        <translation>El registro del balanceador</translation>
    </message>
    <message>
        <source>Syslog</source>
        <translation>Syslog</translation>
    </message>
    <message>
        <source>Syslog socket</source>
        <translation>Socket de syslog</translation>
    </message>
    <message>
        <source>The UNIX datagram socket of the syslog daemon, for the syslog destination.</source>
        <translation>El socket de datagramas UNIX del demonio syslog, para el destino syslog.</translation>
    </message>
    <message>
        <source>Interim records every</source>
        <translation>Entradas intermedias cada</translation>
    </message>
    <message>
        <source>A record for connections still open, this often; 0: none.</source>
        <translation>Una entrada para las conexiones aún abiertas, con esta frecuencia; 0: ninguna.</translation>
    </message>
    <message>
        <source>Log at connect</source>
        <translation>Registrar al conectar</translation>
    </message>
    <message>
        <source>A record also when the backend accepts, not only when the connection ends.</source>
        <translation>Una entrada también cuando el backend acepta, no solo al terminar la conexión.</translation>
    </message>
    <message>
        <source>Access control</source>
        <translation>Control de acceso</translation>
    </message>
    <message>
        <source>Accept or refuse clients by address; the first matching rule decides.</source>
        <translation>Aceptar o rechazar clientes por dirección; decide la primera regla que coincide.</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Por defecto</translation>
    </message>
    <message>
        <source>What happens to a client that no rule matches.</source>
        <translation>Qué pasa con un cliente al que no corresponde ninguna regla.</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>permitir</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>denegar</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <source>In order: the first rule whose addresses hold the client&apos;s decides.</source>
        <translation>En orden: decide la primera regla cuyas direcciones contienen la del cliente.</translation>
    </message>
    <message>
        <source>Rule %1 has no address.</source>
        <translation>La regla %1 no tiene dirección.</translation>
    </message>
    <message>
        <source>Rule %1: &quot;%2&quot; is not an address or prefix such as 10.0.0.0/8.</source>
        <translation>Regla %1: «%2» no es una dirección ni un prefijo como 10.0.0.0/8.</translation>
    </message>
    <message>
        <source>Per-source limits</source>
        <translation>Límites por origen</translation>
    </message>
    <message>
        <source>Limit the connections each client address (or prefix) may open.</source>
        <translation>Limitar las conexiones que cada dirección de cliente (o prefijo) puede abrir.</translation>
    </message>
    <message>
        <source>New connections per source</source>
        <translation>Conexiones nuevas por origen</translation>
    </message>
    <message>
        <source>A rate such as 10/s or 600/m; empty: no rate limit.</source>
        <translation>Una tasa como 10/s o 600/m; vacío: sin límite de tasa.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Expected a rate such as 10/s or 600/m.</source>
        <translation>Se espera una tasa como 10/s o 600/m.</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Dry run refuses nothing: it counts and logs what enforcing would refuse.</source>
        <translation>La prueba no rechaza nada: cuenta y registra lo que aplicar el límite rechazaría.</translation>
    </message>
    <message>
        <source>enforce</source>
        <translation>aplicar</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>Open connections per source</source>
        <translation>Conexiones abiertas por origen</translation>
    </message>
    <message>
        <source>0: no limit on open connections.</source>
        <translation>0: sin límite de conexiones abiertas.</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Ráfaga</translation>
    </message>
    <message>
        <source>Connections a quiet source may open at once; 0: the rate&apos;s number.</source>
        <translation>Conexiones que un origen tranquilo puede abrir de una vez; 0: el número de la tasa.</translation>
    </message>
    <message>
        <source>IPv4 prefix</source>
        <translation>Prefijo IPv4</translation>
    </message>
    <message>
        <source>Bits of an IPv4 address that name a source: 32 each address, 24 a /24.</source>
        <translation>Bits de una dirección IPv4 que designan un origen: 32 cada dirección, 24 un /24.</translation>
    </message>
    <message>
        <source>IPv6 prefix</source>
        <translation>Prefijo IPv6</translation>
    </message>
    <message>
        <source>Bits of an IPv6 address that name a source: 64 a /64.</source>
        <translation>Bits de una dirección IPv6 que designan un origen: 64 un /64.</translation>
    </message>
    <message>
        <source>Tracked sources</source>
        <translation>Orígenes seguidos</translation>
    </message>
    <message>
        <source>At most this many sources are remembered; the least recently seen go first.</source>
        <translation>Se recuerdan como mucho tantos orígenes; los vistos hace más tiempo salen primero.</translation>
    </message>
    <message>
        <source>TLS routes</source>
        <translation>Rutas TLS</translation>
    </message>
    <message>
        <source>In order: the first route whose server names and ALPN protocols match the client&apos;s TLS hello decides; none does: the enabled group. Drag a route to move it.</source>
        <translation>En orden: decide la primera ruta cuyos nombres de servidor y protocolos ALPN coinciden con el hello TLS del cliente; si ninguna: el grupo activo. Arrastre una ruta para moverla.</translation>
    </message>
    <message>
        <source>Route %1: %2</source>
        <translation>Ruta %1: %2</translation>
    </message>
    <message>
        <source>Peek timeout</source>
        <translation>Plazo del hello TLS</translation>
    </message>
    <message>
        <source>With TLS routes: the whole TLS hello must arrive within this.</source>
        <translation>Con rutas TLS: el hello TLS completo debe llegar dentro de este plazo.</translation>
    </message>
    <message>
        <source>Peek size (bytes)</source>
        <translation>Tamaño del hello TLS (bytes)</translation>
    </message>
    <message>
        <source>With TLS routes: the largest TLS hello read.</source>
        <translation>Con rutas TLS: el mayor hello TLS leído.</translation>
    </message>
    <message>
        <source>DNS SRV discovery</source>
        <translation>Descubrimiento DNS SRV</translation>
    </message>
    <message>
        <source>Take hosts from this DNS SRV record, kept in step with it (Consul, Kubernetes); empty: none. Discovered hosts are not saved in the file.</source>
        <translation>Tomar los hosts de este registro DNS SRV y mantenerlos al día (Consul, Kubernetes); vacío: ninguno. Los hosts descubiertos no se guardan en el archivo.</translation>
    </message>
    <message>
        <source>_http._tcp.web.example.org</source>
        <translation>_http._tcp.web.example.org</translation>
    </message>
    <message>
        <source>Enter a DNS name such as _http._tcp.web.example.org, or leave it empty.</source>
        <translation>Introduzca un nombre DNS como _http._tcp.web.example.org, o déjelo vacío.</translation>
    </message>
    <message>
        <source>Discovery interval</source>
        <translation>Intervalo de descubrimiento</translation>
    </message>
    <message>
        <source>Longest wait between two SRV lookups; a shorter TTL wins, down to 1 s.</source>
        <translation>Espera máxima entre dos consultas SRV; un TTL más corto prevalece, hasta 1 s.</translation>
    </message>
    <message>
        <source>Enter a duration from %1 to %2.</source>
        <translation>Introduzca una duración de %1 a %2.</translation>
    </message>
    <message>
        <source>Name resolution</source>
        <translation>Resolución de nombres</translation>
    </message>
    <message>
        <source>For an address that is a DNS name: connect to its first address, or make each of its addresses a host of its own (discovered, not saved).</source>
        <translation>Para una dirección que es un nombre DNS: conectar a su primera dirección, o hacer de cada una de sus direcciones un host propio (descubierto, no guardado).</translation>
    </message>
    <message>
        <source>First address</source>
        <translation>Primera dirección</translation>
    </message>
    <message>
        <source>Every address a host</source>
        <translation>Cada dirección un host</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Terminate TLS here: clients speak TLS to this listener and the backends get plain TCP. Needs a certificate and its key.</source>
        <translation>Terminar TLS aquí: los clientes hablan TLS con este listener y los backends reciben TCP simple. Necesita un certificado y su clave.</translation>
    </message>
    <message>
        <source>No (plain TCP)</source>
        <translation>No (TCP simple)</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Archivo del certificado</translation>
    </message>
    <message>
        <source>PEM certificate, with its chain after it; a relative path is next to the config file. Reloaded when the file changes.</source>
        <translation>Certificado PEM, seguido de su cadena; una ruta relativa está junto al archivo de configuración. Se recarga cuando el archivo cambia.</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Archivo de la clave</translation>
    </message>
    <message>
        <source>PEM private key of the certificate, without a passphrase.</source>
        <translation>Clave privada PEM del certificado, sin frase de paso.</translation>
    </message>
    <message>
        <source>Minimum TLS version</source>
        <translation>Versión mínima de TLS</translation>
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
        <translation>Protocolos ALPN</translation>
    </message>
    <message>
        <source>Protocols offered to clients, in order of preference, comma-separated, e.g. h2, http/1.1.</source>
        <translation>Protocolos ofrecidos a los clientes, por orden de preferencia, separados por comas, p. ej. h2, http/1.1.</translation>
    </message>
    <message>
        <source>Client CA file</source>
        <translation>Archivo de CA de clientes</translation>
    </message>
    <message>
        <source>PEM certificates of the authorities that sign client certificates; when set, a client without a valid certificate is refused.</source>
        <translation>Certificados PEM de las autoridades que firman los certificados de cliente; si se indica, se rechaza a un cliente sin certificado válido.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration: use e.g. 30s or 2m; 0 for none.</source>
        <translation>«%1» no es una duración: p. ej. 30s o 2m; 0 para ninguno.</translation>
    </message>
    <message>
        <source>Enter a duration from %1 to %2, e.g. 2s.</source>
        <translation>Introduzca una duración de %1 a %2, p. ej. 2s.</translation>
    </message>
    <message>
        <source>Enter a port from 1 to 65535, or 0 for no agent.</source>
        <translation>Introduzca un puerto de 1 a 65535, o 0 para ningún agente.</translation>
    </message>
    <message>
        <source>Slow start</source>
        <translation>Arranque gradual</translation>
    </message>
    <message>
        <source>A host that comes back (health up, back to ready, added) gets its weight over this time, from almost nothing; 0 for none.</source>
        <translation>Un host que vuelve (de nuevo activo, de nuevo listo, añadido) recibe su peso a lo largo de este tiempo, empezando casi de cero; 0 para ninguno.</translation>
    </message>
    <message>
        <source>Agent port</source>
        <translation>Puerto del agente</translation>
    </message>
    <message>
        <source>Port of the agent on each host (HAProxy&apos;s agent check): it answers a line that may change the host&apos;s weight, limit, state or health; 0 for none.</source>
        <translation>Puerto del agente en cada host (agent-check de HAProxy): responde una línea que puede cambiar el peso, el límite, el estado o la salud del host; 0 para ninguno.</translation>
    </message>
    <message>
        <source>Agent interval</source>
        <translation>Intervalo del agente</translation>
    </message>
    <message>
        <source>How often each agent is asked; also how long it has to answer.</source>
        <translation>Cada cuánto se pregunta a cada agente; también cuánto tiene para responder.</translation>
    </message>
    <message>
        <source>Agent request</source>
        <translation>Petición al agente</translation>
    </message>
    <message>
        <source>Sent to the agent after connecting, with \n for a line end; empty: nothing.</source>
        <translation>Se envía al agente tras conectar, con \n para un fin de línea; vacío: nada.</translation>
    </message>
    <message>
        <source>as the group</source>
        <translation>como el grupo</translation>
    </message>
    <message>
        <source>This host&apos;s own slow start; empty: the group&apos;s.</source>
        <translation>Arranque gradual propio de este host; vacío: el del grupo.</translation>
    </message>
    <message>
        <source>This host&apos;s agent port; 0: no agent; empty: the group&apos;s.</source>
        <translation>Puerto del agente de este host; 0: ningún agente; vacío: el del grupo.</translation>
    </message>
    <message>
        <source>How often this host&apos;s agent is asked; empty: the group&apos;s.</source>
        <translation>Cada cuánto se pregunta al agente de este host; vacío: como el grupo.</translation>
    </message>
    <message>
        <source>Sent to this host&apos;s agent, with \n for a line end; empty: the group&apos;s.</source>
        <translation>Se envía al agente de este host, con \n para un fin de línea; vacío: como el grupo.</translation>
    </message>
    <message>
        <source>When a host goes down</source>
        <translation>Cuando un host cae</translation>
    </message>
    <message>
        <source>What happens to the open connections of a host that the health checks mark down: they stay until they end, or they are cut at once so that clients reconnect to a working host.</source>
        <translation>Qué ocurre con las conexiones abiertas de un host que las comprobaciones de salud marcan como caído: se mantienen hasta que terminan, o se cortan en el acto para que los clientes se reconecten a un host que funciona.</translation>
    </message>
    <message>
        <source>Keep its connections</source>
        <translation>Mantener sus conexiones</translation>
    </message>
    <message>
        <source>Cut its connections</source>
        <translation>Cortar sus conexiones</translation>
    </message>
    <message>
        <source>When a primary host is back</source>
        <translation>Cuando vuelve un host primario</translation>
    </message>
    <message>
        <source>What happens to the backup hosts&apos; open connections when a primary host comes back up: they stay (new connections go to the primary), or they are cut.</source>
        <translation>Qué ocurre con las conexiones abiertas de los hosts de respaldo cuando un host primario vuelve: se mantienen (las nuevas conexiones van al primario), o se cortan.</translation>
    </message>
    <message>
        <source>Keep backup connections</source>
        <translation>Mantener las conexiones de respaldo</translation>
    </message>
    <message>
        <source>Cut backup connections</source>
        <translation>Cortar las conexiones de respaldo</translation>
    </message>
    <message>
        <source>Use every backup host</source>
        <translation>Usar todos los hosts de respaldo</translation>
    </message>
    <message>
        <source>While no primary host is up: every backup host takes connections, not only the first one that is up.</source>
        <translation>Mientras ningún host primario esté activo: todos los hosts de respaldo aceptan conexiones, no solo el primero activo.</translation>
    </message>
    <message>
        <source>DNS server</source>
        <translation>Servidor DNS</translation>
    </message>
    <message>
        <source>The name server asked for host names and SRV records (discovery); an IP address with an optional port. Empty: the system&apos;s resolver.</source>
        <translation>El servidor de nombres al que se preguntan los nombres de host y los registros SRV (descubrimiento); una dirección IP con un puerto opcional. Vacío: el resolvedor del sistema.</translation>
    </message>
    <message>
        <source>system resolver</source>
        <translation>resolvedor del sistema</translation>
    </message>
    <message>
        <source>Not a name server address (%1): use an IP address with an optional port, e.g. 192.0.2.53 or [2001:db8::53]:5353, or leave it empty.</source>
        <translation>No es una dirección de servidor de nombres (%1): use una dirección IP con un puerto opcional, p. ej. 192.0.2.53 o [2001:db8::53]:5353, o déjelo vacío.</translation>
    </message>
    <message>
        <source>DNS refresh interval</source>
        <translation>Intervalo de actualización DNS</translation>
    </message>
    <message>
        <source>Longest wait before a host name is looked up again; a shorter TTL wins.</source>
        <translation>La espera más larga antes de volver a resolver un nombre de host; un TTL más corto prevalece.</translation>
    </message>
    <message>
        <source>Alert %1, %2: %3</source>
        <translation>Alerta %1, %2: %3</translation>
    </message>
    <message>
        <source>Alert %1: %2</source>
        <translation>Alerta %1: %2</translation>
    </message>
    <message>
        <source>An alert could not be read.</source>
        <translation>No se pudo leer una alerta.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Who is told when a host or group changes state, a config is applied or a certificate nears its expiry: each alert a webhook (POST of a JSON event) or a program, with its own filter, queue, rate limit and retries (docs/alerts.md).</source>
        <translation>A quién se avisa cuando un host o un grupo cambia de estado, se aplica una configuración o un certificado se acerca a su caducidad: cada alerta es un webhook (POST de un evento JSON) o un programa, con su propio filtro, cola, límite de tasa y reintentos (docs/alerts.md).</translation>
    </message>
    <message>
        <source>Route %1: &quot;%2&quot; is not a duration: use e.g. 500ms or 2s.</source>
        <translation>Ruta %1: «%2» no es una duración: use p. ej. 500ms o 2s.</translation>
    </message>
    <message>
        <source>Backup host</source>
        <translation>Host de respaldo</translation>
    </message>
    <message>
        <source>Takes connections only while no primary (non-backup) host of the group is up.</source>
        <translation>Solo acepta conexiones mientras ningún host primario (no de respaldo) del grupo esté activo.</translation>
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
        <translation>disponible</translation>
    </message>
    <message>
        <source>down</source>
        <translation>caído</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>drenando</translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation>mantenimiento</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>eliminado</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Balancier desktop console: watch and steer a balancer, edit its config.</source>
        <translation>Consola de escritorio de Balancier: vigilar y dirigir un balanceador, editar su configuración.</translation>
    </message>
    <message>
        <source>A config file to open in the editor.</source>
        <translation>Un archivo de configuración que abrir en el editor.</translation>
    </message>
    <message>
        <source>The admin user for --connect.</source>
        <translation>El usuario admin para --connect.</translation>
    </message>
    <message>
        <source>Read the password for --connect from the first line of FILE.</source>
        <translation>Leer la contraseña para --connect de la primera línea de FILE.</translation>
    </message>
    <message>
        <source>Use LANGUAGE (en, de, fr, es) instead of the preference.</source>
        <translation>Usar LANGUAGE (en, de, fr, es) en lugar de la preferencia.</translation>
    </message>
    <message>
        <source>Select SERVICE/GROUP/HOST on the dashboard once it shows.</source>
        <translation>Seleccionar SERVICE/GROUP/HOST en el panel en cuanto aparezca.</translation>
    </message>
    <message>
        <source>Select the host SERVICE/GROUP/HOST in the editor.</source>
        <translation>Seleccionar el host SERVICE/GROUP/HOST en el editor.</translation>
    </message>
    <message>
        <source>Use the system&apos;s colours, or a light or dark palette (system, light, dark).</source>
        <translation>Usar los colores del sistema o una paleta clara u oscura (system, light, dark).</translation>
    </message>
    <message>
        <source>Run the config FILE in this app and show it on the dashboard (in a second window with --connect).</source>
        <translation>Ejecutar la configuración FILE en esta aplicación y mostrarla en el panel (en una segunda ventana con --connect).</translation>
    </message>
    <message>
        <source>Show PAGE first: dashboard, connections, editor or log.</source>
        <translation>Mostrar primero PAGE: dashboard, connections, editor o log.</translation>
    </message>
    <message>
        <source>Also show the fleet overview.</source>
        <translation>Mostrar también la vista general de la flota.</translation>
    </message>
    <message>
        <source>Connect to the admin API at URL (e.g. %1).</source>
        <translation>Conectar a la API de administración en URL (p. ej. %1).</translation>
    </message>
</context>
</TS>
