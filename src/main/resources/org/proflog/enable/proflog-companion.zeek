##! proflog companion (Zeek 5.0 - 8.x): writes the names of global containers back
##! into prof.log. Zeek 5.1 removed the names and sizes from the per-global rows of
##! expensive snapshots; this handler adds one line per large global instead:
##!
##!   <ts> proflog-global footprint=<n> entries=- name=<Module::global>
##!
##! <ts> is network time with 6 decimals like Zeek's own lines; name= is last and
##! runs to the end of the line. entries= is always "-": the only documented way to
##! reach a global by name (lookup_ID) returns "any", and the only operation the
##! script language documents on "any" is assignment, so |x| cannot be taken.
##!
##! Lines are written on expensive snapshots only. On those the core ends its own
##! output with complete lines (table rows and the table total), so these lines never
##! get glued to the newline-less "Comm:" line of cheap snapshots.
##!
##! Cost: global_container_footprints() walks every object reachable from every
##! global container, i.e. it costs about as much as the expensive snapshot itself
##! (linear in script state; a bare Zeek has about 300 global containers). It runs
##! once per expensive snapshot, and only every every_nth-th one if you raise that.
##! Known slow case: globals of type table[pattern] of X made this BiF slower on
##! every call (zeek/zeek issue #5103, closed 2025-12); if you keep such tables on an
##! affected version, raise every_nth or leave the companion out.
##!
##! Checked against the documented script language and BiFs (not run): the
##! profiling_update(f: file, expensive: bool) event, global_container_footprints()
##! returning var_sizes (table[string] of count), sort(v, strcmp), fmt, print to a
##! file, const ... &redef. The settings are &redef constants rather than options
##! because redef of a &redef const is documented in every version offered.

module ProflogCompanion;

export {
	## Globals whose footprint is below this are not written.
	const min_footprint: count = 100 &redef;
	## Write on every n-th expensive snapshot only (1 = on each one).
	const every_nth: count = 1 &redef;
}

global expensive_snapshots: count = 0;

event profiling_update(f: file, expensive: bool)
	{
	if ( ! expensive )
		return;

	++expensive_snapshots;
	if ( every_nth > 1 && expensive_snapshots % every_nth != 0 )
		return;

	local fps = global_container_footprints();
	local names: vector of string = vector();
	for ( gname in fps )
		{
		if ( fps[gname] >= min_footprint )
			names[|names|] = gname;
		}

	# Name order makes the lines of two snapshots easy to compare.
	sort(names, strcmp);

	local ts = time_to_double(network_time());
	for ( i in names )
		print f, fmt("%.6f proflog-global footprint=%d entries=- name=%s", ts, fps[names[i]], names[i]);
	}
