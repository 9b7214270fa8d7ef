// The length of a string in Unicode code points (a surrogate pair counts once), as JSON Schema's
// minLength and maxLength count: the one run-time helper Ajv's precompiled validators call.
/** @param {string} text */
export default function ucs2length(text) {
  let length = 0;
  for (let at = 0; at < text.length; length++) {
    const code = text.charCodeAt(at++);
    if (code >= 0xd800 && code <= 0xdbff && at < text.length) {
      const next = text.charCodeAt(at);
      if ((next & 0xfc00) === 0xdc00) at++;
    }
  }
  return length;
}
