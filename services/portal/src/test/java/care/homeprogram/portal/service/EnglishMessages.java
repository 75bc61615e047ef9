package care.homeprogram.portal.service;

import io.quarkus.qute.i18n.Message;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A message bundle ({@link PortalMessages}, {@link RefusalMessages}...) in English for plain unit tests (no
 * application, so no generated bundle): each method answers its own {@code @Message} text with its parameters put
 * in, i.e. the very words the application shows. Only for messages without Qute sections ({@code {#if}}).
 */
final class EnglishMessages {
    static final PortalMessages WORDS = of(PortalMessages.class);

    private EnglishMessages() {
    }

    static <T> T of(Class<T> bundle) {
        return bundle.cast(Proxy.newProxyInstance(bundle.getClassLoader(), new Class<?>[] { bundle },
                (proxy, method, args) -> text(method, args)));
    }

    private static String text(Method method, Object[] args) {
        String text = method.getAnnotation(Message.class).value();
        if (text.contains("{#")) {
            throw new UnsupportedOperationException(method.getName() + " has sections: test it in the application");
        }
        for (int i = 0; args != null && i < args.length; i++) {
            text = text.replace("{" + method.getParameters()[i].getName() + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
