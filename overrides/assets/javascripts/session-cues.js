"use strict";
// The session's cues: short tones made with Web Audio (no sound files), spoken cues from the
// browser's own speech synthesis, and the screen wake lock. session.js decides when; this
// file only knows how, and does nothing a browser cannot do (each part checks it exists).
(() => {
  let audio = null;
  let lock = null;
  let wanted = false;
  const speech = Boolean(window.speechSynthesis) && typeof SpeechSynthesisUtterance === "function";

  // Called from a tap (browsers start audio only after one). On iPhone, "playback" lets the
  // tones sound with the silent switch on, where Safari supports navigator.audioSession.
  function unlock() {
    if (navigator.audioSession) navigator.audioSession.type = "playback";
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!audio && Context) audio = new Context();
    audio?.resume?.();
  }

  // A soft beep: higher at a start, lower and longer at an end.
  function tone(kind) {
    if (!audio) return;
    const [hz, seconds] = kind === "start" ? [880, 0.15] : [587, 0.3];
    const now = audio.currentTime;
    const wave = audio.createOscillator();
    const gain = audio.createGain();
    wave.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, now);
    gain.gain.exponentialRampToValueAtTime(0.3, now + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + seconds);
    wave.connect(gain).connect(audio.destination);
    wave.start(now);
    wave.stop(now + seconds + 0.05);
  }

  // A new cue replaces one still being spoken: the count must not fall behind.
  function say(text) {
    if (!speech) return;
    speechSynthesis.cancel();
    const words = new SpeechSynthesisUtterance(text);
    words.lang = document.documentElement.lang || "en";
    speechSynthesis.speak(words);
  }

  function quiet() {
    if (speech) speechSynthesis.cancel();
  }

  // Keep the screen on while a session runs; the browser drops the lock when the page is
  // hidden, and session.js pauses then, so the lock is asked for again on resume.
  async function awake(on) {
    wanted = on;
    if (!on) {
      const held = lock;
      lock = null;
      await held?.release();
      return;
    }
    if (lock || !navigator.wakeLock) return;
    try {
      const got = await navigator.wakeLock.request("screen");
      if (wanted) lock = got;
      else await got.release();
    } catch {
      // Refused (low battery, a policy): the session runs all the same.
    }
  }

  window.sgCues = { unlock, tone, say, quiet, awake, speech };
})();
