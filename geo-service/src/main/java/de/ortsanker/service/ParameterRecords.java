package de.ortsanker.service;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request parameters declared once as a record of texts (e.g. the filter parameters every place list takes):
 * each component is the parameter of its name, or of its {@link BindParam} name, as given — null when
 * absent — and the endpoint's own parsing says what is wrong with a value. Spring MVC's data binding would
 * do the same at several times the cost per request (a binder, conversions, a binding result).
 */
@Configuration
public class ParameterRecords implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    /** The records this resolves: the parameter records of the endpoints. */
    public interface OfTexts {
    }

    private record Shape(Constructor<?> constructor, String[] names) {
    }

    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().isRecord() && OfTexts.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) throws Exception {
        Shape shape = shapes.computeIfAbsent(parameter.getParameterType(), ParameterRecords::shape);
        Object[] values = new Object[shape.names().length];
        for (int i = 0; i < values.length; i++) {
            String[] given = request.getParameterValues(shape.names()[i]);
            values[i] = given == null ? null : String.join(",", given);  // repeated: as a list, like kinds=a,b
        }
        return shape.constructor().newInstance(values);
    }

    private static Shape shape(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        var types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType() != String.class) {
                throw new IllegalStateException(type.getName() + "." + components[i].getName() + " must be a String");
            }
            types[i] = String.class;
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no canonical constructor of texts", e);
        }
        var names = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            // @BindParam (for names Java cannot spell, like step_free) sits on the canonical constructor's parameter
            var bind = constructor.getParameters()[i].getAnnotation(BindParam.class);
            names[i] = bind != null ? bind.value() : components[i].getName();
        }
        return new Shape(constructor, names);
    }
}
