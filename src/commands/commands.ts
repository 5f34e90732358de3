// Ribbon commands. The add-in's one button (Home > 考核助手 / Scorecards) is a ShowTaskpane action: Office opens
// the pane itself and no code runs for it, so there is nothing to register today. A future ExecuteFunction button
// adds its handler to COMMANDS; it is registered with Office.actions.associate (required with a shared runtime,
// where the page has no global function lookup) once Office is ready.
export const COMMANDS: Record<string, (event: Office.AddinCommands.Event) => void> = {};

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    for (const [id, handler] of Object.entries(COMMANDS)) Office.actions.associate(id, handler);
  });
}
