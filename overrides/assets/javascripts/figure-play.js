// Play and Pause for exercise figures. The generator draws each step of the movement from
// the pose data (data-sg-frames on g.sg-live: "|" between steps, ";" between shapes, each a
// path's d or a circle's "cx cy", with the joint angles turned in even steps); this blends
// neighbouring steps and moves the body there and back, resting at each end. Nothing moves
// until the reader presses Play, and Pause stops it where it is. Without JavaScript, and in
// print, the still figure shows the start and end positions.
(() => {
  const MOVE_MS = 2000; // one way, start to end: slow, as the exercises ask
  const REST_MS = 600; // at the start position, between repetitions
  const NUMBER = /-?\d+(?:\.\d+)?/g;

  // One shape's geometry as its numbers and the text between them.
  function parse(text) {
    return { numbers: (text.match(NUMBER) || []).map(Number), between: text.split(NUMBER) };
  }

  function blend(a, b, share) {
    let i = 0;
    return a.between.reduce((out, text, j) => {
      if (j === 0) return text;
      const value = a.numbers[i] + (b.numbers[i] - a.numbers[i]) * share;
      i += 1;
      return out + (Math.round(value * 10) / 10) + text;
    }, "");
  }

  // The figure's movement, ready to draw at any point: null if it has none.
  function prepare(box) {
    const live = box.querySelector("g.sg-live[data-sg-frames]");
    if (!live) return null;
    const shapes = [...live.querySelectorAll("path, circle")];
    const frames = live.dataset.sgFrames.split("|").map((step) => step.split(";").map(parse));
    if (frames.some((step) => step.length !== shapes.length)) return null; // not as announced
    function draw(at) {
      const step = Math.min(Math.floor(at), frames.length - 2);
      const share = at - step;
      shapes.forEach((shape, k) => {
        const value = blend(frames[step][k], frames[step + 1][k], share);
        if (shape.tagName === "circle") {
          const [cx, cy] = value.split(" ");
          shape.setAttribute("cx", cx);
          shape.setAttribute("cy", cy);
        } else {
          shape.setAttribute("d", value);
        }
      });
    }
    return { frames, holdMs: Number(live.dataset.sgHold) * 1000, draw };
  }

  // For the session player (session.js): one repetition is 2 moves, out and back, with the
  // figure's hold (seconds) at the turn; draw(p) puts the body at p, from 0 to 2.
  const attached = new WeakMap();
  function attach(box) {
    if (!attached.has(box)) {
      const movement = prepare(box);
      const end = movement && movement.frames.length - 1;
      attached.set(box, movement && {
        moves: 2,
        holds: [0, movement.holdMs / 1000, 0],
        draw: (p) => movement.draw((p <= 1 ? p : 2 - p) * end),
      });
      box.classList.toggle("sg-playing", Boolean(movement)); // the ghost steps aside
    }
    return attached.get(box);
  }

  function setUp(box) {
    const button = box.querySelector("button[data-sg-play]");
    const movement = prepare(box);
    if (!movement || !button) return;
    const { frames, holdMs, draw } = movement;
    const cycleMs = 2 * MOVE_MS + holdMs + REST_MS;
    let playing = false;
    let elapsed = 0; // into the current cycle, kept across Pause
    let last = 0;

    // Where in the movement (0 = start, frames.length - 1 = end) a time in the cycle is.
    function position(t) {
      const end = frames.length - 1;
      if (t < MOVE_MS) return (t / MOVE_MS) * end;
      if (t < MOVE_MS + holdMs) return end;
      if (t < 2 * MOVE_MS + holdMs) return (1 - (t - MOVE_MS - holdMs) / MOVE_MS) * end;
      return 0;
    }

    function tick(now) {
      if (!playing) return;
      elapsed = (elapsed + now - last) % cycleMs;
      last = now;
      draw(position(elapsed));
      requestAnimationFrame(tick);
    }

    function play(on) {
      playing = on;
      box.classList.toggle("sg-playing", on);
      button.textContent = on ? "Pause the movement" : "Play the movement";
      if (on) {
        last = performance.now();
        requestAnimationFrame(tick);
      }
    }

    box.classList.add("sg-can-play");
    button.addEventListener("click", () => play(!playing));
    // A hidden tab does not animate: stop, and let the reader start it again.
    document.addEventListener("visibilitychange", () => {
      if (document.hidden && playing) play(false);
    });
  }

  document.querySelectorAll(".sg-figure-box").forEach(setUp);
  window.sgFigure = { attach };
})();
