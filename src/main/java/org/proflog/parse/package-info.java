/**
 * The streaming prof.log parser: bytes → lines → line kinds → {@link org.proflog.model.Snapshot}
 * records, with era detection and the repair of pasted text. Entry point: {@link
 * org.proflog.parse.ProfLogReader}.
 */
package org.proflog.parse;
