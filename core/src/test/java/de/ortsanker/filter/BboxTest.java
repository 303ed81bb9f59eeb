package de.ortsanker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BboxTest {

    @Test
    void readsLonLatBoxesAndNamesTheParameterWhenItCannot() {
        assertThat(Bbox.lonLat(" 11.4, 49.9,11.8 ,50.2", "bbox")).isEqualTo(new Bbox(11.4, 49.9, 11.8, 50.2));
        assertThatThrownBy(() -> Bbox.lonLat("11,50,12", "bbox")).hasMessageContaining("parameter 'bbox'")
                .hasMessageContaining("4 numbers");
        assertThatThrownBy(() -> Bbox.lonLat("11,50,x,51", "area")).hasMessageContaining("parameter 'area'")
                .hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> Bbox.lonLat("11,50,NaN,51", "bbox")).hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> Bbox.lonLat("11,91,12,92", "bbox")).hasMessageContaining("latitudes");
        assertThatThrownBy(() -> Bbox.lonLat("12,50,11,51", "bbox")).hasMessageContaining("must not exceed");
    }

    @Test
    void ogcBoxesMayCarryHeights() {
        assertThat(Bbox.numbers("1,2,0,3,4,100", "bbox", true)).containsExactly(1, 2, 0, 3, 4, 100);
        assertThatThrownBy(() -> Bbox.numbers("1,2,0,3,4,100", "bbox", false)).hasMessageContaining("4 numbers");
    }
}
