package de.ortsanker.planning.answers;

import de.ortsanker.planning.output.Located;

/** A village as an answer lists it: who it is, and what the answer says about it. */
interface VillageItem extends Located {

    VillageFacts village();
}
