"use strict";
// "Add reminders to my calendar" on My routine: an iCalendar file (RFC 5545), made in the
// browser, with one weekly repeating event for each time of day the reader picks. Each
// event's UID depends only on the routine's link and the time's place (first, second,
// third), so a new file for the same routine updates the events instead of adding more.
(() => {
  const box = document.querySelector("[data-sg-routine-reminders]");
  if (!box) return;
  const status = box.querySelector("[data-sg-remind-status]");
  const ORDER = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]; // as Date.getDay() counts

  // TEXT values escape backslashes, semicolons, commas and line breaks (RFC 5545 3.3.11).
  const text = (value) => value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
  const pad = (n) => String(n).padStart(2, "0");
  const stamp = (d) =>
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;

  // Lines longer than 75 octets fold onto the next line after a space (RFC 5545 3.1).
  function fold(line) {
    const bytes = new TextEncoder();
    const out = [];
    let part = "";
    for (const char of line) {
      if (bytes.encode(part + char).length > (out.length ? 74 : 75)) {
        out.push(part);
        part = "";
      }
      part += char;
    }
    return [...out, part].join("\r\n ");
  }

  // A short, stable hash of the routine's link, for the UIDs.
  function hash(value) {
    let h = 5381;
    for (const char of value) h = (Math.imul(h, 33) + char.codePointAt(0)) >>> 0;
    return h.toString(36);
  }

  // The first day from today that is one of the chosen days, at the given time (local).
  function first(days, time) {
    const [hours, minutes] = time.split(":").map(Number);
    const day = new Date();
    while (!days.includes(ORDER[day.getDay()])) day.setDate(day.getDate() + 1);
    return `${day.getFullYear()}${pad(day.getMonth() + 1)}${pad(day.getDate())}` +
      `T${pad(hours)}${pad(minutes)}00`;
  }

  function calendar(days, times) {
    const { title, link } = box.dataset;
    const id = hash(link);
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Sciatica movement guide//EN"];
    times.forEach(([place, time]) => {
      lines.push(
        "BEGIN:VEVENT",
        `UID:routine-${id}-${place}@sciatica-guide`,
        `DTSTAMP:${stamp(new Date())}`,
        `DTSTART:${first(days, time)}`, // floating: the reader's own local time
        "DURATION:PT15M",
        `RRULE:FREQ=WEEKLY;BYDAY=${days.join(",")}`,
        `SUMMARY:${text(title)}`,
        `DESCRIPTION:${text(`Time for your exercises. Your routine: ${link}`)}`,
        `URL:${link}`,
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        `DESCRIPTION:${text(title)}`,
        "TRIGGER:PT0M",
        "END:VALARM",
        "END:VEVENT",
      );
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  box.querySelector("[data-sg-remind]").addEventListener("click", () => {
    const days = [...box.querySelectorAll(".sg-remind-days input:checked")].map((i) => i.value);
    const times = [...box.querySelectorAll(".sg-remind-times input")]
      .map((input, i) => [i + 1, input.value])
      .filter(([, time]) => /^\d\d:\d\d$/.test(time));
    if (!days.length || !times.length) {
      status.textContent = "Pick at least one day and the first time of day.";
      return;
    }
    const file = new Blob([calendar(days, times)], { type: "text/calendar" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(file);
    link.download = "exercise-reminders.ics";
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000); // once the download has it
    const each = times.length === 1 ? "one time" : `${times.length} times`;
    status.textContent = `Calendar file made: ${days.length} days a week, ${each} a day.`;
  });
})();
