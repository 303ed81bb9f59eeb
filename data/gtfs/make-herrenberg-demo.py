#!/usr/bin/env python3
"""Writes data/gtfs/herrenberg-demo/: a small timetable whose stops are real OpenStreetMap stops of the
Herrenberg extract (data/osm/herrenberg-and-around-2020-04-21.osm.pbf, names and positions as imported). The
lines follow real corridors; the times are invented. Run from anywhere: python3 make-herrenberg-demo.py"""
import csv, os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "herrenberg-demo")

# stop_id: name, lat, lon, location_type, parent, wheelchair, OSM origin
STOPS = {
    "hbf":      ("Herrenberg", 48.594059, 8.862922, 1, "", 1, "relation/941699"),
    "hbf-1":    ("Herrenberg", 48.594059, 8.862922, 0, "hbf", 1, "relation/941699"),
    "zob":      ("Herrenberg ZOB", 48.594408, 8.864715, 0, "", 1, "node/952054379"),
    "bronntor": ("Herrenberg Bronntor", 48.596796, 8.868032, 0, "", 0, "node/300356405"),
    "aff-rh":   ("Affstätt Rathaus", 48.606874, 8.859476, 0, "", 0, "node/290153720"),
    "kup-jen":  ("Kuppingen Jennerstraße", 48.610025, 8.845356, 0, "", 0, "node/262330370"),
    "kup-sz":   ("Kuppingen Schulzentrum", 48.615399, 8.841747, 0, "", 1, "node/295435927"),
    "obj-zab":  ("Oberjesingen Zaberstraße", 48.620908, 8.836039, 0, "", 0, "node/290155414"),
    "gue-hee":  ("Gültstein Heerstraße", 48.577297, 8.888022, 0, "", 0, "node/274296706"),
    "gue-ki":   ("Gültstein Kirche", 48.576008, 8.878162, 0, "", 0, "node/2038645038"),
    "moe-abz":  ("Mönchberg Abzweig", 48.579035, 8.908955, 0, "", 0, "node/335742659"),
    "kay-her":  ("Kayh Herrenberger Straße", 48.576000, 8.915757, 0, "", 0, "node/339850706"),
    "nuf":      ("Nufringen", 48.620396, 8.890278, 0, "", 1, "relation/941700"),
    "gae":      ("Gärtringen", 48.640838, 8.908924, 0, "", 1, "relation/941695"),
}

def hms(m):
    return "%02d:%02d:00" % (m // 60, m % 60)

trips, stop_times = [], []

def trip(route, service, tid, headsign, pattern, start, skip_times=()):
    """pattern: [(stop_id, minutes after start)]; stops in skip_times get empty times (not timepoints)."""
    trips.append((route, service, tid, headsign))
    for seq, (stop, offset) in enumerate(pattern, start=1):
        empty = stop in skip_times
        t = "" if empty else hms(start + offset)
        stop_times.append((tid, t, t, stop, seq * 10, "0" if empty else "1"))

# S1 (rail): Gärtringen – Nufringen – Herrenberg, and back. Every day; hourly on weekdays and Saturdays,
# every two hours on Sundays; the last train of the night runs after midnight (24:05, times past 24 h).
S1_IN = [("gae", 0), ("nuf", 3), ("hbf-1", 11)]
S1_OUT = [("hbf-1", 0), ("nuf", 6), ("gae", 10)]
for h in range(5, 24):
    trip("S1", "WK", "S1-WK-in-%02d" % h, "Herrenberg", S1_IN, h * 60 + 47)
    trip("S1", "WK", "S1-WK-out-%02d" % h, "Gärtringen", S1_OUT, h * 60 + 2)
for h in range(7, 23):
    trip("S1", "SA", "S1-SA-in-%02d" % h, "Herrenberg", S1_IN, h * 60 + 47)
    trip("S1", "SA", "S1-SA-out-%02d" % h, "Gärtringen", S1_OUT, h * 60 + 2)
for h in range(8, 22, 2):
    trip("S1", "SO", "S1-SO-in-%02d" % h, "Herrenberg", S1_IN, h * 60 + 47)
    trip("S1", "SO", "S1-SO-out-%02d" % h, "Gärtringen", S1_OUT, h * 60 + 2)
trip("S1", "WK", "S1-WK-in-night", "Herrenberg", S1_IN, 24 * 60 + 5)

# Bus 782: Herrenberg ZOB – Affstätt – Kuppingen – Oberjesingen. Weekdays hourly at :05, seven minutes after
# the train from Gärtringen (:58) — except the school bus at 07:55, which leaves before the 07:58 train
# arrives (the missed connection: the next bus is 09:05). Saturdays every two hours; no bus on Sundays.
B782_OUT = [("zob", 0), ("bronntor", 3), ("aff-rh", 7), ("kup-jen", 11), ("kup-sz", 13), ("obj-zab", 17)]
B782_IN = [("obj-zab", 0), ("kup-sz", 4), ("kup-jen", 6), ("aff-rh", 10), ("bronntor", 14), ("zob", 17)]
for start in [6 * 60 + 5, 7 * 60 + 55] + [h * 60 + 5 for h in range(9, 21)]:
    trip("782", "WK", "782-WK-out-%s" % hms(start)[:5].replace(":", ""), "Oberjesingen", B782_OUT, start)
for h in range(6, 20):
    trip("782", "WK", "782-WK-in-%02d30" % h, "Herrenberg ZOB", B782_IN, h * 60 + 30)
for h in range(8, 16, 2):
    trip("782", "SA", "782-SA-out-%02d05" % h, "Oberjesingen", B782_OUT, h * 60 + 5)
    trip("782", "SA", "782-SA-in-%02d30" % h, "Herrenberg ZOB", B782_IN, h * 60 + 30)

# Bus 773: Herrenberg ZOB – Gültstein – Mönchberg – Kayh, weekdays only, three times a day each way. Gültstein
# Kirche is no timepoint: its times are empty in the feed (the importer interpolates them).
B773_OUT = [("zob", 0), ("gue-hee", 6), ("gue-ki", 8), ("moe-abz", 12), ("kay-her", 15)]
B773_IN = [("kay-her", 0), ("moe-abz", 3), ("gue-ki", 7), ("gue-hee", 9), ("zob", 15)]
for start in (6 * 60 + 20, 12 * 60 + 20, 16 * 60 + 20):
    trip("773", "WK", "773-WK-out-%s" % hms(start)[:5].replace(":", ""), "Kayh", B773_OUT, start, ("gue-ki",))
for start in (7 * 60, 13 * 60, 17 * 60):
    trip("773", "WK", "773-WK-in-%s" % hms(start)[:5].replace(":", ""), "Herrenberg ZOB", B773_IN, start, ("gue-ki",))

def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

os.makedirs(OUT, exist_ok=True)
write("feed_info.txt", ["feed_id", "feed_publisher_name", "feed_publisher_url", "feed_lang", "feed_version"],
      [["ortsanker-demo-herrenberg", "Ortsanker demo timetable (invented times); stops © OpenStreetMap contributors",
        "https://www.openstreetmap.org/copyright", "de", "2026-12"]])
write("agency.txt", ["agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang"],
      [["demo-bahn", "Demo-Bahn Gäu", "https://example.org/demo-bahn", "Europe/Berlin", "de"],
       ["demo-bus", "Demo-Bus Herrenberg", "https://example.org/demo-bus", "Europe/Berlin", "de"]])
write("stops.txt", ["stop_id", "stop_name", "stop_lat", "stop_lon", "location_type", "parent_station",
                    "wheelchair_boarding", "stop_desc"],
      [[k, v[0], "%.6f" % v[1], "%.6f" % v[2], v[3], v[4], v[5], "OpenStreetMap " + v[6]] for k, v in STOPS.items()])
write("routes.txt", ["route_id", "agency_id", "route_short_name", "route_long_name", "route_type"],
      [["S1", "demo-bahn", "S1", "Herrenberg – Nufringen – Gärtringen", 2],
       ["782", "demo-bus", "782", "Herrenberg – Affstätt – Kuppingen – Oberjesingen", 3],
       ["773", "demo-bus", "773", "Herrenberg – Gültstein – Mönchberg – Kayh", 3]])
write("calendar.txt", ["service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                       "start_date", "end_date"],
      [["WK", 1, 1, 1, 1, 1, 0, 0, "20260101", "20271231"],
       ["SA", 0, 0, 0, 0, 0, 1, 0, "20260101", "20271231"],
       ["SO", 0, 0, 0, 0, 0, 0, 1, "20260101", "20271231"]])
# Christmas and New Year: the holidays run like Sundays.
write("calendar_dates.txt", ["service_id", "date", "exception_type"],
      [["WK", "20261225", 2], ["SO", "20261225", 1],
       ["SA", "20261226", 2], ["SO", "20261226", 1],
       ["WK", "20270101", 2], ["SO", "20270101", 1]])
write("trips.txt", ["route_id", "service_id", "trip_id", "trip_headsign", "wheelchair_accessible", "bikes_allowed"],
      [[r, s, t, h, 1, 1 if r == "S1" else 2] for r, s, t, h in trips])
write("stop_times.txt", ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence", "timepoint"],
      stop_times)
print(len(trips), "trips,", len(stop_times), "stop times")
