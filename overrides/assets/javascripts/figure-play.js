// Play and Pause for exercise figures: Play swaps the numbered still poses for one body
// that moves through them (g.sg-anim; the data format is in draw.py's _frames). Nothing
// moves until the reader presses Play; Pause stops it. Print shows the stills.
(() => {
  const MOVE_MS = 2000; // one move between two key poses: slow, as the exercises ask
  const REST_MS = 600; // at the first position, between repetitions
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

  // One step's shapes: "" is the shape as in the step before, "=k" the same as shape k.
  function readStep(text, before) {
    const shapes = text.split(";");
    const whole = shapes.map((shape, k) => (shape === "" ? before[k] : shape));
    return whole.map((shape) => (shape[0] === "=" ? whole[Number(shape.slice(1))] : shape));
  }

  // The figure's movement, ready to draw at any point: null if it has none.
  function prepare(box) {
    const anim = box.querySelector("g.sg-anim[data-sg-frames]");
    if (!anim) return null;
    const shapes = [...anim.querySelectorAll("g.sg-live path, g.sg-live circle")];
    const groups = new Map();
    for (const group of anim.dataset.sgFrames.split("/")) {
      const [pair, steps] = group.split(":");
      let before = [];
      const frames = steps.split("|").map((text) => (before = readStep(text, before)));
      if (frames.some((step) => step.length !== shapes.length)) return null; // not as announced
      groups.set(pair, frames.map((step) => step.map(parse)));
    }
    const route = anim.dataset.sgRoute.split(" ").map((key) => ({
      still: parseInt(key, 10),
      holds: key.endsWith("h"),
    }));
    const moves = route.length; // the last goes back to the first
    const svg = box.querySelector("svg");
    const still = ["viewBox", "width", "height"].map((name) => svg.getAttribute(name));
    // The moving body keeps the still poses' scale, in a frame of its own shape.
    const scale = Number(still[1]) / Number(still[0].split(" ")[2]);
    const [, , boxWidth, boxHeight] = anim.dataset.sgBox.split(" ").map(Number);
    const moving = [anim.dataset.sgBox, boxWidth * scale, boxHeight * scale];

    // at: 0 to moves; move i goes from route[i] to the next (the last back to the first).
    function draw(at) {
      const i = Math.min(Math.floor(at), moves - 1);
      const from = route[i].still;
      const to = route[(i + 1) % moves].still;
      let frames = groups.get(`${from} ${to}`);
      let share = at - i;
      if (!frames) {
        frames = groups.get(`${to} ${from}`);
        share = 1 - share;
      }
      const position = share * (frames.length - 1);
      const step = Math.min(Math.floor(position), frames.length - 2);
      shapes.forEach((shape, k) => {
        const value = blend(frames[step][k], frames[step + 1][k], position - step);
        if (shape.tagName === "circle") {
          const [cx, cy] = value.split(" ");
          shape.setAttribute("cx", cx);
          shape.setAttribute("cy", cy);
        } else {
          shape.setAttribute("d", value);
        }
      });
    }

    // Show the moving body in its own frame, or the still poses again.
    function show(on) {
      box.classList.toggle("sg-moving", on);
      ["viewBox", "width", "height"].forEach((name, i) => {
        svg.setAttribute(name, String((on ? moving : still)[i]));
      });
    }

    const holdSeconds = Number(anim.dataset.sgHold);
    const holds = [...route, route[0]].map((stop) => (stop.holds ? holdSeconds : 0));
    return { moves, holds, draw, show };
  }

  // For the session player (session.js): one repetition is `moves` moves through the key
  // poses and back to the first; holds[i] is the figure's own rest at pose i (seconds);
  // draw(p) puts the body at p, from 0 to moves.
  const attached = new WeakMap();
  function attach(box) {
    if (!attached.has(box)) {
      const movement = prepare(box);
      if (movement) {
        movement.show(true);
        movement.draw(0);
      }
      attached.set(box, movement);
    }
    return attached.get(box);
  }

  // A repetition as a timeline: each move, then the hold where the route holds, then a rest.
  function timeline(movement) {
    const parts = [];
    for (let i = 0; i < movement.moves; i += 1) {
      parts.push({ ms: MOVE_MS, from: i, to: i + 1 });
      const hold = movement.holds[i + 1] * 1000;
      if (hold && i + 1 < movement.moves) parts.push({ ms: hold, from: i + 1, to: i + 1 });
    }
    parts.push({ ms: REST_MS, from: 0, to: 0 });
    return parts;
  }

  function setUp(box) {
    const button = box.querySelector("button[data-sg-play]");
    const movement = prepare(box);
    if (!movement || !button) return;
    const parts = timeline(movement);
    const cycleMs = parts.reduce((sum, part) => sum + part.ms, 0);
    let playing = false;
    let elapsed = 0; // into the current cycle, kept across Pause
    let last = 0;

    // Where in the movement (0 to moves) a time in the cycle is.
    function position(t) {
      let left = t;
      for (const part of parts) {
        if (left < part.ms) return part.from + ((part.to - part.from) * left) / part.ms;
        left -= part.ms;
      }
      return 0;
    }

    function tick(now) {
      if (!playing) return;
      // A frame's time can be a little before the click that started it.
      elapsed = (elapsed + Math.max(0, now - last)) % cycleMs;
      last = now;
      movement.draw(position(elapsed));
      requestAnimationFrame(tick);
    }

    function play(on) {
      playing = on;
      if (on) movement.show(true);
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
    // Print the numbered still poses, whatever the screen shows.
    window.addEventListener("beforeprint", () => {
      play(false);
      movement.show(false);
    });
  }

  document.querySelectorAll(".sg-figure-box").forEach(setUp);
  window.sgFigure = { attach };
})();
