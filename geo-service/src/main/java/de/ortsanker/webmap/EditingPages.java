package de.ortsanker.webmap;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The editing pages of the web map: sign-in ({@code /map/login?return=…}), a place's history
 * ({@code /map/history?place=ID}) and the administrators' page ({@code /map/admin}). Static pages like the
 * others; what they show comes from the account, editing and admin APIs, which decide who may see and do what.
 */
@Controller
@Hidden
class EditingPages {

    @GetMapping("/map/login")
    String signIn() {
        return "forward:/map/login.html";
    }

    @GetMapping("/map/history")
    String history() {
        return "forward:/map/history.html";
    }

    @GetMapping("/map/admin")
    String administration() {
        return "forward:/map/admin.html";
    }
}
