#!/usr/bin/env python3
"""A synthetic GTFS feed of a given size, shaped like a Land's bus network: STOPS stops on a grid over
Brandenburg, ROUTES lines of STOPS_PER_TRIP stops each, trips every half hour on weekdays (and fewer at the
weekend) until the feed holds about TARGET stop times.

    python3 bench/timetables/synthetic-feed.py OUT_DIR [TARGET_STOP_TIMES]     # default 1,000,000
"""
import csv, os, random, sys

out = sys.argv[1]
target = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
STOPS, ROUTES, STOPS_PER_TRIP = 20_000, 1_000, 20
random.seed(14)
os.makedirs(out, exist_ok=True)

def write(name, header, rows):
    with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

write("agency.txt", ["agency_id", "agency_name", "agency_url", "agency_timezone"],
      [["syn", "Synthetische Verkehrsgesellschaft", "https://example.org", "Europe/Berlin"]])
write("feed_info.txt", ["feed_id", "feed_publisher_name", "feed_publisher_url", "feed_lang", "feed_version"],
      [["synthetic-%d" % target, "Ortsanker benchmark (synthetic)", "https://example.org", "de", "1"]])
stops = [("s%d" % i, "Haltestelle %d" % i, 51.4 + (i // 200) * 0.015, 11.3 + (i % 200) * 0.02) for i in range(STOPS)]
write("stops.txt", ["stop_id", "stop_name", "stop_lat", "stop_lon"],
      [[s, n, "%.6f" % lat, "%.6f" % lon] for s, n, lat, lon in stops])
write("routes.txt", ["route_id", "agency_id", "route_short_name", "route_type"],
      [["r%d" % r, "syn", str(100 + r), 3] for r in range(ROUTES)])
write("calendar.txt", ["service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                       "start_date", "end_date"],
      [["WK", 1, 1, 1, 1, 1, 0, 0, "20260101", "20271231"], ["WE", 0, 0, 0, 0, 0, 1, 1, "20260101", "20271231"]])
write("calendar_dates.txt", ["service_id", "date", "exception_type"],
      [["WK", "20261225", 2], ["WE", "20261225", 1]])
trips_per_route = max(1, target // (ROUTES * STOPS_PER_TRIP))
with open(os.path.join(out, "trips.txt"), "w", encoding="utf-8") as t, \
        open(os.path.join(out, "stop_times.txt"), "w", encoding="utf-8") as st:
    t.write("route_id,service_id,trip_id,trip_headsign\n")
    st.write("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n")
    for r in range(ROUTES):
        start_stop = random.randrange(STOPS)
        line = [(start_stop + k * 201) % STOPS for k in range(STOPS_PER_TRIP)]
        for n in range(trips_per_route):
            trip = "r%d-t%d" % (r, n)
            t.write("r%d,%s,%s,Endhaltestelle %d\n" % (r, "WK" if n % 4 else "WE", trip, line[-1]))
            minute = 5 * 60 + (n * 30) % (19 * 60) + r % 30
            for k, stop in enumerate(line):
                hh, mm = divmod(minute + 3 * k, 60)
                time = "%02d:%02d:00" % (hh, mm)
                st.write("%s,%s,%s,s%d,%d\n" % (trip, time, time, stop, k + 1))
print("%d stops, %d routes, %d trips, %d stop times" % (STOPS, ROUTES, ROUTES * trips_per_route,
                                                          ROUTES * trips_per_route * STOPS_PER_TRIP))
