// Starts Web Chat against this host's Direct Line (polling, no WebSocket), in the browser's language.

// What the page says when the chat cannot start, in the browser's language (the bot asks for its own).
const notices = {
  es: {
    busy: 'Se abrieron demasiados chats desde esta conexión. Intente de nuevo en {minutes} minutos.',
    failed: 'El chat no puede empezar ahora. Intente de nuevo en un momento.',
  },
  en: {
    busy: 'Too many chats were started from this connection. Try again in {minutes} minutes.',
    failed: 'The chat cannot start right now. Please try again in a moment.',
  },
  fr: {
    busy: 'Trop de conversations ont été ouvertes depuis cette connexion. Réessayez dans {minutes} minutes.',
    failed: 'Le chat ne peut pas démarrer maintenant. Réessayez dans un moment.',
  },
  pt: {
    busy: 'Foram abertas conversas demais a partir desta conexão. Tente de novo em {minutes} minutos.',
    failed: 'O chat não pode começar agora. Tente de novo daqui a pouco.',
  },
  ht: {
    busy: 'Twòp chat louvri sou koneksyon sa a. Eseye ankò nan {minutes} minit.',
    failed: 'Chat la pa ka kòmanse kounye a. Eseye ankò nan yon ti moman.',
  },
};

const language = (navigator.languages || [navigator.language])
  .map((tag) => String(tag).slice(0, 2).toLowerCase())
  .find((code) => code in notices) || 'en';

function notice(key, minutes) {
  return notices[language][key].replace('{minutes}', String(minutes));
}

class Refused extends Error {
  constructor(status, retryAfterSeconds) {
    super(`Direct Line answered ${status}`);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

(async () => {
  const domain = `${window.location.origin}/v3/directline`;
  const status = document.getElementById('status');
  try {
    const response = await fetch(`${domain}/tokens/generate`, { method: 'POST' });
    if (!response.ok) {
      throw new Refused(response.status, Number(response.headers.get('Retry-After')) || 60);
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
    status.lang = language;
    status.textContent = error instanceof Refused && error.status === 429
      ? notice('busy', Math.ceil(error.retryAfterSeconds / 60))
      : notice('failed');
    console.error(error);
  }
})();
