// Starts Web Chat against this host's Direct Line (polling, no WebSocket), in the browser's language.
(async () => {
  const domain = `${window.location.origin}/v3/directline`;
  const status = document.getElementById('status');
  try {
    const response = await fetch(`${domain}/tokens/generate`, { method: 'POST' });
    if (!response.ok) {
      throw new Error(`Direct Line answered ${response.status}`);
    }

    const { token } = await response.json();
    window.WebChat.renderWebChat(
      {
        directLine: window.WebChat.createDirectLine({ domain, token, webSocket: false, pollingInterval: 1000 }),
        locale: navigator.language,
        styleOptions: {
          hideUploadButton: true,
          sendTimeout: 60000,
          bubbleMaxWidth: 560,
          suggestedActionLayout: 'flow',
          suggestedActionHeight: 44,
          sendBoxHeight: 48,
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        },
      },
      document.getElementById('webchat')
    );
  } catch (error) {
    status.hidden = false;
    status.textContent = 'The chat cannot start right now. Please try again in a moment.';
    console.error(error);
  }
})();
