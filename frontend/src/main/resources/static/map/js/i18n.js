// German first (the county's language), English on request (?lang=en). Every visible word is here.

const STRINGS = {
  de: {
    tagline: 'Treffpunkte, Vereine und Wege ohne Auto',
    skipToList: 'Zur Ergebnisliste springen',
    switchLanguage: 'English', switchLanguageLabel: 'Switch to English',
    navMap: 'Karte', navPlanning: 'Planung', navEmbed: 'Einbinden',
    searchLabel: 'Dorf, Adresse oder Name', searchPlaceholder: 'z. B. Harsdorf oder Hauptstraße 3, Harsdorf',
    searchButton: 'Suchen', nearMe: 'In meiner Nähe',
    suggestions: 'Vorschläge', didYouMean: 'Meinten Sie …', noSuggestion: 'Nichts gefunden zu „{q}“. Bitte die Schreibweise prüfen.',
    locating: 'Ihr Standort wird ermittelt …', locationDenied: 'Ihr Standort ist nicht verfügbar ({reason}). Geben Sie ein Dorf oder eine Adresse ein.',
    locationUnsupported: 'Dieser Browser kann den Standort nicht ermitteln.',
    myLocation: 'Ihr Standort',
    filters: 'Filter', whatLegend: 'Was suchen Sie?', onlyLegend: 'Nur Orte, die …',
    openNow: 'jetzt geöffnet sind', stepFree: 'stufenlos zugänglich sind', free: 'ohne Eintritt und Verzehrzwang sind',
    results: 'Ergebnisse', loading: 'Orte werden geladen …',
    resultsCount: '{n} Orte im Kartenausschnitt', resultsCountOne: '1 Ort im Kartenausschnitt',
    resultsFrom: 'nach Entfernung von {origin}', resultsFromCentre: 'nach Entfernung von der Kartenmitte',
    resultsCapped: 'Gezeigt werden die {n} nächsten. Vergrößern Sie die Karte oder filtern Sie, um weitere zu sehen.',
    noResults: 'Hier gibt es keine passenden Orte. Verkleinern Sie die Karte oder lockern Sie die Filter.',
    noKinds: 'Wählen Sie oben mindestens eine Art von Orten.',
    noneNear: 'In diesem Kartenausschnitt um {origin} gibt es keine passenden Orte.', searchWider: 'Weiter entfernt suchen',
    noneWithin: 'Auch im Umkreis von {km} km gibt es keine passenden Orte. Lockern Sie die Filter.',
    loadFailed: 'Die Orte konnten nicht geladen werden: {reason}', retry: 'Erneut versuchen',
    close: 'Schließen', backToList: 'Zurück zur Liste', showOnMap: 'Auf der Karte zeigen',
    openStatusOpen: 'Jetzt geöffnet', openStatusClosed: 'Jetzt geschlossen', openStatusUnknown: 'Ob jetzt geöffnet ist, ist nicht bekannt',
    untilTime: 'bis {time}', opensAt: 'öffnet {day} um {time}', today: 'Heute', tomorrow: 'Morgen',
    closedAllDay: 'geschlossen', hoursUnknown: 'Zeiten unbekannt', noHours: 'Keine Öffnungszeiten bekannt.',
    hoursHeading: 'Öffnungszeiten', hoursAsWritten: 'Angabe der Quelle: {text}', holiday: 'Feiertag: {name}',
    accessHeading: 'Zugang', wheelchair_yes: 'Stufenlos zugänglich', wheelchair_limited: 'Teilweise stufenlos zugänglich',
    wheelchair_no: 'Nicht stufenlos zugänglich', wheelchair_unknown: 'Ob stufenlos zugänglich, ist nicht bekannt',
    free_true: 'Eintritt frei, kein Verzehrzwang', free_false: 'Eintritt oder Verzehr wird erwartet',
    capacity: 'Platz für {n} Personen', equipment: 'Ausstattung: {list}',
    operatorHeading: 'Betrieben von', contactHeading: 'Kontakt', website: 'Webseite', booking: 'Buchen',
    journeyHeading: 'Wie komme ich hin?', journeyUseLocation: 'Meinen Standort verwenden', journeyOrVillage: 'oder ab Dorf:',
    journeyChooseVillage: 'Dorf wählen …', journeyChooseStart: 'Wählen Sie Ihren Standort oder ein Dorf, um Wege und Abfahrten zu sehen.',
    journeyFrom: 'Ab {name}', journeyFromHere: 'Ab Ihrem Standort', journeyDay: 'Tag', journey_walk: 'Zu Fuß: {min} Min. ({d})', journey_bike: 'Mit dem Rad: {min} Min. ({d})',
    journey_walk_label: 'Zu Fuß', journey_bike_label: 'Mit dem Rad',
    journeyNoBusSunday: 'Sonntags fährt kein Bus.', journeyNoBusSaturday: 'Samstags fährt kein Bus.',
    journeyNoBusDay: 'An diesem Tag fährt kein Bus.', journeyNoMoreBus: 'An diesem Tag fährt kein Bus mehr.',
    journeyNoConnection: 'Laut Fahrplan fährt kein Bus von hier zu diesem Ort.',
    journeyNoStopStart: 'Keine Haltestelle im Umkreis von {d} um den Start.', journeyNoStopPlace: 'Keine Haltestelle im Umkreis von {d} um den Ort.',
    journeyNoTimetable: 'Für diese Gegend ist kein Fahrplan eingespielt.',
    journeyFromStop: 'ab {stop} ({min} Min. zu Fuß)', journeyToStop: 'an {stop}', journeyLine: 'Linie {route}', journeyHeadsign: 'Richtung {headsign}',
    journeyWheelchairYes: 'rollstuhlgerecht', journeyWheelchairNo: 'nicht rollstuhlgerecht',
    journeyOnDemand: '{name}: auf Bestellung {from}–{to} Uhr.', journeyNotice: 'Mindestens {min} Min. vorher buchen:',
    journeyOutsidePeriod: 'Der Tag liegt außerhalb des eingespielten Fahrplans.',
    journeyPlanner: 'Ganze Fahrt bei {name} planen', journeyTimetableSource: 'Fahrplan: {attribution} (Lizenz: {licence})',
    gettingThereHeading: 'Ohne Auto hinkommen', gettingThereNone: 'Keine Mitfahrbank, Haltestelle oder Leihfahrzeug in der Nähe bekannt.',
    distanceAway: '{d} entfernt',
    sourceHeading: 'Herkunft der Daten', source: 'Quelle: {source}', licence: 'Lizenz: {licence}',
    lastVerified: 'Zuletzt geprüft: {date}', sourceRecord: 'Eintrag bei der Quelle',
    editedInOsm: 'Zuletzt in OpenStreetMap bearbeitet am {date}', editedAtSource: 'Zuletzt bei der Quelle bearbeitet am {date}',
    basemapDown: 'Die Hintergrundkarte ist nicht erreichbar. Die Orte werden trotzdem gezeigt.',
    dataBy: 'Daten: {list}', mapLabel: 'Karte der Orte', unnamed: '(ohne Namen)',
    operator_municipality: 'Gemeinde', operator_county: 'Landkreis', operator_club: 'Verein', operator_church: 'Kirche',
    operator_private: 'privat', operator_cooperative: 'Genossenschaft', operator_public_transport: 'Verkehrsbetrieb', operator_other: 'sonstige',
    locality_city: 'Stadt', locality_town: 'Stadt', locality_village: 'Dorf', locality_hamlet: 'Weiler',
    locality_isolated_dwelling: 'Einzelsiedlung', locality_suburb: 'Ortsteil', locality_quarter: 'Ortsteil', locality_locality: 'Flur',
    placesIn: '{n} Orte', clusterLabel: '{n} Orte – zum Vergrößern auswählen', zoomIn: 'Vergrößern', zoomOut: 'Verkleinern',
    // planner view
    plannerTitle: 'Unterversorgte Orte', plannerIntro: 'Welche Dörfer haben keinen Treffpunkt oder keine Mitfahrbank in Reichweite, und wie viele Menschen leben dort?',
    rulesLegend: 'Regeln: Ein Ort ist unterversorgt, wenn …', ruleNone: 'kein(e) {kinds} im Umkreis von {radius} m liegt', ruleShort: '{kinds} in {radius} m',
    ruleMode: 'gemessen', ruleMinutes: 'Minuten', ruleShortMinutes: '{kinds} in {minutes} min ({mode})',
    mode_straight: 'Luftlinie (m)', mode_walk: 'zu Fuß (min)', mode_bike: 'mit dem Rad (min)', mode_transit: 'Bus/Bahn + zu Fuß (min)',
    // a transit rule's time window: when the journeys leave home
    ruleDay: 'Tag', ruleFrom: 'ab (Uhr)', ruleTo: 'bis (Uhr)', ruleHoursHint: 'Stunde 0–24, z. B. 7 oder 7:30',
    day_weekday: 'werktags (Mo–Fr)', day_mon: 'Montag', day_tue: 'Dienstag', day_wed: 'Mittwoch', day_thu: 'Donnerstag',
    day_fri: 'Freitag', day_sat: 'Samstag', day_sun: 'Sonntag',
    dayShort_weekday: 'werktags', dayShort_mon: 'Mo', dayShort_tue: 'Di', dayShort_wed: 'Mi', dayShort_thu: 'Do', dayShort_fri: 'Fr',
    dayShort_sat: 'Sa', dayShort_sun: 'So',
    ruleShortTransit: '{kinds} in {minutes} min mit Bus/Bahn ({day} {from}–{to} Uhr)',
    transitDay: '{rule}: nach dem Fahrplan von {date}.',
    transitNoTimetable: 'Für Bus und Bahn ist kein Fahrplan eingespielt; Regeln zu Fuß, mit dem Rad und in Luftlinie gehen.',
    planningRefused: 'Diese Regeln kann der Dienst nicht beantworten: {reason}',
    candidatesNeedMetres: 'Leerstand wird nach einer Regel in Metern bewertet; keine der Regeln ist in Metern.',
    sharesTitle: 'Anteil der Menschen je Gemeinde', sharesIntro: 'Wie viele Einwohner in Orten leben, die die Regel erfüllen – je Regel und Gemeinde.',
    sharesCaption: 'Anteil der Einwohner innerhalb jeder Regel', sharesTotal: 'Gesamt', sharesCell: '{people} Einwohner in {villages} Orten',
    benchesTitle: 'Was die Mitfahrbänke verbinden', benchesIntro: 'Welche Orte eine Mitfahrt von jeder Bank in so vielen Minuten mit dem Auto erreicht. Ein Klick zeigt, was zu Fuß in dieser Zeit erreichbar ist.',
    publishedIsochrones: 'Veröffentlichte Erreichbarkeit (Isochronen) zeigen', publishedIsochronesShown: '{n} veröffentlichte Isochronen auf der Karte',
    publishedIsochrone: '{name}: in {minutes} min {mode} erreichbar ({area})',
    benchMinutes: 'Fahrzeit (Minuten)', showBenches: 'Mitfahrbänke zeigen', benchUnnamed: 'Mitfahrbank',
    benchTooltip: '{name}: {villages} Orte, {people} Einwohner in {minutes} min mit dem Auto',
    benchesSummary: '{n} Mitfahrbänke, Mitfahrt bis {minutes} min', benchesCaption: 'Mitfahrbänke und was sie in {minutes} min verbinden',
    benchName: 'Mitfahrbank', benchVillages: 'Orte erreichbar', isochroneShown: 'In {minutes} min zu Fuß von {name} erreichbar (Fläche auf der Karte)',
    ruleKinds: 'Art', ruleRadius: 'Umkreis (m)', addRule: 'Regel hinzufügen', removeRule: 'Regel entfernen', apply: 'Neu berechnen',
    areaLegend: 'Gebiet', areaAll: 'alle Daten', areaView: 'nur der Kartenausschnitt',
    computing: 'Wird berechnet …', summary: '{villages} von {all} Orten sind unterversorgt; dort leben {people} von {population} Menschen.',
    tableCaption: 'Unterversorgte Orte (zum Sortieren auf eine Spaltenüberschrift klicken)',
    colRank: 'Rang', colVillage: 'Ort', colMunicipality: 'Gemeinde', colPopulation: 'Einwohner', colNearest: 'Entfernung zu: {kinds}', colMissing: 'Es fehlt',
    populationEstimated: '{n} (geschätzt)', populationUnknown: 'unbekannt', nearestNone: 'keiner',
    candidatesTitle: 'Leerstand als neuer Treffpunkt', candidatesIntro: 'Welches leerstehende Gebäude würde die meisten bisher unversorgten Menschen erreichen?',
    candidatesCaption: 'Kandidaten, nach Auswahl-Rang', colCandidate: 'Gebäude', colGain: 'Menschen hinzugewonnen', colVillagesGain: 'Orte hinzugewonnen', colChosen: 'Auswahl',
    coverage: 'Versorgt heute: {before} Menschen; mit den gewählten Gebäuden: {after}.', noCandidates: 'Keine leerstehenden Gebäude im Gebiet.',
    download: 'Herunterladen:', downloadCsv: 'Tabelle (CSV für Excel)', downloadPerMunicipality: 'je Gemeinde (CSV)', legendDashed: 'gestrichelt: Einwohnerzahl unbekannt oder geschätzt', downloadGeojson: 'Karte (GeoJSON)',
    legendTitle: 'Entfernung zu: {kinds}', legendSize: 'Kreisgröße: Einwohnerzahl',
    legendWithin: 'bis {r} {u}', legendFar: '{a}–{b} {u}', legendVeryFar: 'über {r} {u}', legendNone: 'keiner erreichbar',
    planningFailed: 'Die Auswertung ist fehlgeschlagen: {reason}',
    // the area the planner looks at
    areaSearchLabel: 'Landkreis oder Gemeinde', areaSearchPlaceholder: 'z. B. Bayreuth oder Harsdorf', areaOptions: 'Gebiete',
    areaNone: 'ein Landkreis oder eine Gemeinde (oben suchen)', areaNoMatch: 'Kein Landkreis und keine Gemeinde heißt „{q}“.',
    areaChosen: '{name}', areaOf: 'in {name}', areaLevel_kreis: 'Landkreis', areaLevel_gemeinde: 'Gemeinde', areaLevel_land: 'Land',
    summaryIn: '{area}: ', legendToggle: 'Legende',
    areaNoVillages: '{area}: Für dieses Gebiet sind keine Dörfer oder Weiler erfasst. Importieren Sie die OpenStreetMap-Daten des Gebiets.',
    // problems the service answered with
    problemInvalid: 'Der Dienst konnte diese Angabe nicht verwenden: {params}.', problemNotFound: 'Nicht gefunden.',
    problemUnavailable: 'Der Dienst ist gerade nicht erreichbar. Bitte gleich noch einmal versuchen.',
    problemServer: 'Fehler im Dienst ({status}).', problemOther: 'Fehler {status}: {title}', problemNetwork: 'Keine Verbindung zum Dienst.',
    // embed
    embedTitle: 'Karte einbinden', embedIntro: 'Stellen Sie Ebenen und Ausschnitt ein und kopieren Sie den Code in Ihre Webseite.',
    layersLegend: 'Ebenen', useViewBbox: 'Ausschnitt der Vorschau übernehmen', bboxLabel: 'Ausschnitt (West, Süd, Ost, Nord)',
    snippetLabel: 'Code zum Einbinden', copy: 'Code kopieren', copied: 'Kopiert.', preview: 'Vorschau',
    widthLabel: 'Breite', heightLabel: 'Höhe (Pixel)',
    gisTitle: 'In Ihrem GIS nutzen', gisIntro: 'Jede Ebene als OGC API Features (QGIS, Masterportal) und als Vektorkacheln (TileJSON).',
    colLayer: 'Ebene', colFeatures: 'OGC API Features', colTiles: 'TileJSON', notServed: 'nicht angeboten',
    embedUnknownSome: 'Unbekannte Ebene: {unknown}. Gezeigt wird nur: {shown}.', embedUnknownAll: 'Unbekannte Ebene: {unknown}. Es werden keine Orte gezeigt.',
    layersUnknown: 'Diese Ebenen gibt es nicht: {unknown}. Sie wurden nicht übernommen.', kindsOf: 'Einzelne Arten',
    openFullMap: 'Große Karte öffnen', listButton: 'Liste ({n})', embedCapped: 'Nicht alle Orte gezeigt: bitte hineinzoomen.',
  },
  en: {
    tagline: 'Places to meet, clubs, and ways to get there without a car',
    skipToList: 'Skip to the list of results',
    switchLanguage: 'Deutsch', switchLanguageLabel: 'Auf Deutsch umschalten',
    navMap: 'Map', navPlanning: 'Planning', navEmbed: 'Embed',
    searchLabel: 'Village, address or name', searchPlaceholder: 'e.g. Harsdorf or Hauptstraße 3, Harsdorf',
    searchButton: 'Search', nearMe: 'Near me',
    suggestions: 'Suggestions', didYouMean: 'Did you mean …', noSuggestion: 'Nothing found for “{q}”. Please check the spelling.',
    locating: 'Finding your location …', locationDenied: 'Your location is not available ({reason}). Type a village or an address.',
    locationUnsupported: 'This browser cannot tell your location.',
    myLocation: 'Your location',
    filters: 'Filters', whatLegend: 'What are you looking for?', onlyLegend: 'Only places that …',
    openNow: 'are open now', stepFree: 'are step-free', free: 'are free of charge',
    results: 'Results', loading: 'Loading places …',
    resultsCount: '{n} places in view', resultsCountOne: '1 place in view',
    resultsFrom: 'by distance from {origin}', resultsFromCentre: 'by distance from the map centre',
    resultsCapped: 'Showing the {n} nearest. Zoom in or filter to see more.',
    noResults: 'No matching places here. Zoom out or relax the filters.',
    noKinds: 'Choose at least one kind of place above.',
    noneNear: 'No matching places in this view around {origin}.', searchWider: 'Search farther away',
    noneWithin: 'No matching places within {km} km either. Relax the filters.',
    loadFailed: 'The places could not be loaded: {reason}', retry: 'Try again',
    close: 'Close', backToList: 'Back to the list', showOnMap: 'Show on the map',
    openStatusOpen: 'Open now', openStatusClosed: 'Closed now', openStatusUnknown: 'Not known whether open now',
    untilTime: 'until {time}', opensAt: 'opens {day} at {time}', today: 'Today', tomorrow: 'Tomorrow',
    closedAllDay: 'closed', hoursUnknown: 'times unknown', noHours: 'No opening hours known.',
    hoursHeading: 'Opening hours', hoursAsWritten: 'As the source states: {text}', holiday: 'Public holiday: {name}',
    accessHeading: 'Access', wheelchair_yes: 'Step-free access', wheelchair_limited: 'Partly step-free',
    wheelchair_no: 'Not step-free', wheelchair_unknown: 'Not known whether step-free',
    free_true: 'Free entry, nothing to buy', free_false: 'Entry fee or purchase expected',
    capacity: 'Room for {n} people', equipment: 'Equipment: {list}',
    operatorHeading: 'Run by', contactHeading: 'Contact', website: 'Website', booking: 'Book',
    journeyHeading: 'How do I get there?', journeyUseLocation: 'Use my location', journeyOrVillage: 'or from a village:',
    journeyChooseVillage: 'Choose a village …', journeyChooseStart: 'Choose your location or a village to see ways and departures.',
    journeyFrom: 'From {name}', journeyFromHere: 'From your location', journeyDay: 'Day', journey_walk: 'On foot: {min} min ({d})', journey_bike: 'By bike: {min} min ({d})',
    journey_walk_label: 'On foot', journey_bike_label: 'By bike',
    journeyNoBusSunday: 'No bus on Sundays.', journeyNoBusSaturday: 'No bus on Saturdays.',
    journeyNoBusDay: 'No bus on this day.', journeyNoMoreBus: 'No more buses on this day.',
    journeyNoConnection: 'According to the timetable no bus goes from here to this place.',
    journeyNoStopStart: 'No stop within {d} of the start.', journeyNoStopPlace: 'No stop within {d} of the place.',
    journeyNoTimetable: 'No timetable has been loaded for this area.',
    journeyFromStop: 'from {stop} ({min} min walk)', journeyToStop: 'at {stop}', journeyLine: 'Line {route}', journeyHeadsign: 'towards {headsign}',
    journeyWheelchairYes: 'wheelchair accessible', journeyWheelchairNo: 'not wheelchair accessible',
    journeyOnDemand: '{name}: on demand {from}–{to}.', journeyNotice: 'Book at least {min} min ahead:',
    journeyOutsidePeriod: 'This day lies outside the loaded timetable.',
    journeyPlanner: 'Plan the whole trip with {name}', journeyTimetableSource: 'Timetable: {attribution} (licence: {licence})',
    gettingThereHeading: 'Getting there without a car', gettingThereNone: 'No ride-sharing bench, stop or shared vehicle known nearby.',
    distanceAway: '{d} away',
    sourceHeading: 'Where the data comes from', source: 'Source: {source}', licence: 'Licence: {licence}',
    lastVerified: 'Last checked: {date}', sourceRecord: 'Record at the source',
    editedInOsm: 'Last edited in OpenStreetMap on {date}', editedAtSource: 'Last edited at the source on {date}',
    basemapDown: 'The background map cannot be reached. The places are shown all the same.',
    dataBy: 'Data: {list}', mapLabel: 'Map of the places', unnamed: '(unnamed)',
    operator_municipality: 'municipality', operator_county: 'county', operator_club: 'club', operator_church: 'church',
    operator_private: 'private', operator_cooperative: 'cooperative', operator_public_transport: 'transport operator', operator_other: 'other',
    locality_city: 'city', locality_town: 'town', locality_village: 'village', locality_hamlet: 'hamlet',
    locality_isolated_dwelling: 'farmstead', locality_suburb: 'district', locality_quarter: 'quarter', locality_locality: 'locality',
    placesIn: '{n} places', clusterLabel: '{n} places – select to zoom in', zoomIn: 'Zoom in', zoomOut: 'Zoom out',
    plannerTitle: 'Underserved villages', plannerIntro: 'Which villages have no place to meet or no ride-sharing bench within reach, and how many people live there?',
    rulesLegend: 'Rules: a village is underserved when …', ruleNone: 'no {kinds} lies within {radius} m', ruleShort: '{kinds} within {radius} m',
    ruleMode: 'measured', ruleMinutes: 'Minutes', ruleShortMinutes: '{kinds} within {minutes} min ({mode})',
    mode_straight: 'straight line (m)', mode_walk: 'on foot (min)', mode_bike: 'by bike (min)', mode_transit: 'bus/train + foot (min)',
    ruleDay: 'Day', ruleFrom: 'from (hour)', ruleTo: 'to (hour)', ruleHoursHint: 'hour 0–24, e.g. 7 or 7:30',
    day_weekday: 'weekdays (Mon–Fri)', day_mon: 'Monday', day_tue: 'Tuesday', day_wed: 'Wednesday', day_thu: 'Thursday',
    day_fri: 'Friday', day_sat: 'Saturday', day_sun: 'Sunday',
    dayShort_weekday: 'weekdays', dayShort_mon: 'Mon', dayShort_tue: 'Tue', dayShort_wed: 'Wed', dayShort_thu: 'Thu', dayShort_fri: 'Fri',
    dayShort_sat: 'Sat', dayShort_sun: 'Sun',
    ruleShortTransit: '{kinds} within {minutes} min by bus/train ({day} {from}–{to} h)',
    transitDay: '{rule}: by the timetable of {date}.',
    transitNoTimetable: 'No timetable for bus and train is imported; rules on foot, by bike and in a straight line work.',
    planningRefused: 'The service cannot answer these rules: {reason}',
    candidatesNeedMetres: 'Vacant buildings are judged by a rule in metres; none of the rules is in metres.',
    sharesTitle: 'Share of people per municipality', sharesIntro: 'How many people live in villages that meet the rule – per rule and municipality.',
    sharesCaption: 'Share of the population within each rule', sharesTotal: 'Total', sharesCell: '{people} people in {villages} villages',
    benchesTitle: 'What the ride-sharing benches connect', benchesIntro: 'Which villages a ride from each bench reaches by car within so many minutes. A click shows what lies within that time on foot.',
    publishedIsochrones: 'Show published isochrones', publishedIsochronesShown: '{n} published isochrones on the map',
    publishedIsochrone: '{name}: reachable within {minutes} min {mode} ({area})',
    benchMinutes: 'Ride (minutes)', showBenches: 'Show ride-sharing benches', benchUnnamed: 'ride-sharing bench',
    benchTooltip: '{name}: {villages} villages, {people} people within {minutes} min by car',
    benchesSummary: '{n} ride-sharing benches, rides up to {minutes} min', benchesCaption: 'Ride-sharing benches and what they connect within {minutes} min',
    benchName: 'Bench', benchVillages: 'Villages reached', isochroneShown: 'Reachable on foot from {name} within {minutes} min (area on the map)',
    ruleKinds: 'Kind', ruleRadius: 'Radius (m)', addRule: 'Add a rule', removeRule: 'Remove rule', apply: 'Recompute',
    areaLegend: 'Area', areaAll: 'all data', areaView: 'the map view only',
    computing: 'Computing …', summary: '{villages} of {all} villages are underserved; {people} of {population} people live there.',
    tableCaption: 'Underserved villages (select a column heading to sort)',
    colRank: 'Rank', colVillage: 'Village', colMunicipality: 'Municipality', colPopulation: 'Population', colNearest: 'Distance to: {kinds}', colMissing: 'Missing',
    populationEstimated: '{n} (estimated)', populationUnknown: 'unknown', nearestNone: 'none',
    candidatesTitle: 'Vacant buildings as new places to meet', candidatesIntro: 'Which vacant building would reach the most people now unserved?',
    candidatesCaption: 'Candidates, by chosen rank', colCandidate: 'Building', colGain: 'People gained', colVillagesGain: 'Villages gained', colChosen: 'Chosen',
    coverage: 'Served today: {before} people; with the chosen buildings: {after}.', noCandidates: 'No vacant buildings in the area.',
    download: 'Download:', downloadCsv: 'Table (CSV for Excel)', downloadPerMunicipality: 'per municipality (CSV)', legendDashed: 'dashed: population unknown or estimated', downloadGeojson: 'Map (GeoJSON)',
    legendTitle: 'Distance to: {kinds}', legendSize: 'Circle size: population',
    legendWithin: 'up to {r} {u}', legendFar: '{a}–{b} {u}', legendVeryFar: 'over {r} {u}', legendNone: 'none within reach',
    planningFailed: 'The analysis failed: {reason}',
    areaSearchLabel: 'District or municipality', areaSearchPlaceholder: 'e.g. Bayreuth or Harsdorf', areaOptions: 'Areas',
    areaNone: 'a district or municipality (search above)', areaNoMatch: 'No district or municipality is called “{q}”.',
    areaChosen: '{name}', areaOf: 'in {name}', areaLevel_kreis: 'district', areaLevel_gemeinde: 'municipality', areaLevel_land: 'Land',
    summaryIn: '{area}: ', legendToggle: 'Legend',
    areaNoVillages: '{area}: no villages or hamlets are recorded for this area. Import the area’s OpenStreetMap data.',
    problemInvalid: 'The service could not use: {params}.', problemNotFound: 'Not found.',
    problemUnavailable: 'The service cannot be reached just now. Please try again in a moment.',
    problemServer: 'Error in the service ({status}).', problemOther: 'Error {status}: {title}', problemNetwork: 'No connection to the service.',
    embedTitle: 'Embed the map', embedIntro: 'Choose layers and area, then copy the code into your web page.',
    layersLegend: 'Layers', useViewBbox: 'Use the preview’s area', bboxLabel: 'Area (west, south, east, north)',
    snippetLabel: 'Code to embed', copy: 'Copy code', copied: 'Copied.', preview: 'Preview',
    widthLabel: 'Width', heightLabel: 'Height (pixels)',
    gisTitle: 'Use in your GIS', gisIntro: 'Every layer as OGC API Features (QGIS, Masterportal) and as vector tiles (TileJSON).',
    colLayer: 'Layer', colFeatures: 'OGC API Features', colTiles: 'TileJSON', notServed: 'not offered',
    embedUnknownSome: 'Unknown layer: {unknown}. Showing only: {shown}.', embedUnknownAll: 'Unknown layer: {unknown}. No places are shown.',
    layersUnknown: 'These layers do not exist: {unknown}. They were left out.', kindsOf: 'Single kinds',
    openFullMap: 'Open the full map', listButton: 'List ({n})', embedCapped: 'Not all places shown: please zoom in.',
  },
};

export const LANGUAGES = ['de', 'en'];

/** A page's own words (the editing pages keep theirs in js/editing/words.js), added to these. */
export function addStrings(more) {
  for (const lang of LANGUAGES) Object.assign(STRINGS[lang], more[lang] || {});
}

let current = 'de';

export function setLanguage(lang) {
  current = LANGUAGES.includes(lang) ? lang : 'de';
  document.documentElement.lang = current;
  return current;
}

export function language() {
  return current;
}

/** The text for key in the current language, with {name} placeholders filled (as text, by the caller's el()). */
export function t(key, vars = {}) {
  const text = STRINGS[current][key] ?? STRINGS.de[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** A label from the data in the current language: label(x, 'kind_label') picks kind_label_de or kind_label_en. */
export function label(record, prefix) {
  return record[`${prefix}_${current}`] ?? record[`${prefix}_de`] ?? '';
}

/** Fills every element with data-i18n="key" (and data-i18n-placeholder / -label / -title) in the current language. */
export function translatePage(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach((node) => { node.setAttribute('aria-label', t(node.dataset.i18nLabel)); });
  root.querySelectorAll('[data-i18n-title]').forEach((node) => { node.title = t(node.dataset.i18nTitle); });
}

/** A place's name, or "<kind> (ohne Namen)" / "<kind> (unnamed)" when it has none. */
export function placeName(p) {
  const kind = label(p, 'kind_label');
  if (p.name && p.name.trim()) return p.name;
  return kind ? `${kind} ${t('unnamed')}` : t('unnamed');
}

export function number(n) {
  return Number(n).toLocaleString(current);
}

export function dateText(iso) {
  if (!iso) return '';
  return new Date(`${iso}T12:00:00`).toLocaleDateString(current, { day: 'numeric', month: 'long', year: 'numeric' });
}
