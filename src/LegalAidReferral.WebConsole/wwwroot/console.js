// The few browser features the console needs from JavaScript.
window.legalAidConsole = {
    languages: () => Array.from(navigator.languages || [navigator.language]),
    save: (fileName, contentType, bytes) => {
        const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        link.click();
        URL.revokeObjectURL(url);
    },
    setLanguage: (code) => { document.documentElement.lang = code; },
};
