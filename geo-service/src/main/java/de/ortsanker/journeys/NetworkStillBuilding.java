package de.ortsanker.journeys;

/** The walking and cycling network is being built: answered 503 with Retry-After, the client asks again. */
class NetworkStillBuilding extends RuntimeException {

    NetworkStillBuilding(String message) {
        super(message, null, false, false);
    }
}
